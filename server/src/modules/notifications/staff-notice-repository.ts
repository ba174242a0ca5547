import { and, eq, inArray } from 'drizzle-orm'
import type { NoticeSettings, StaffNoticeKind } from '@xinfang/shared/contracts/notice-settings'
import { ancestorsOf } from '@xinfang/shared/places'
import { DEFAULT_QUIET_HOURS } from '@xinfang/shared/quiet-hours'
import type { Database, Q } from '../../db/database'
import type { Tables } from '../../db/schema/definition'

type SettingsRow = Tables['staffNoticeSettings']['$inferSelect']

export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = { cosignWarning: true, dueSoon: true, overdue: true, quietHours: { enabled: true, ...DEFAULT_QUIET_HOURS } }

const WANTS: Record<StaffNoticeKind, keyof Pick<NoticeSettings, 'cosignWarning' | 'dueSoon' | 'overdue'>> = {
  cosign_warning: 'cosignWarning',
  due_soon: 'dueSoon',
  overdue: 'overdue',
}

/** The stored row as the API speaks it; null (never saved) is the defaults. */
export function settingsOf(row: SettingsRow | null): NoticeSettings {
  if (!row) return DEFAULT_NOTICE_SETTINGS
  return { cosignWarning: row.cosignWarning, dueSoon: row.dueSoon, overdue: row.overdue, quietHours: { enabled: row.quietEnabled, start: row.quietStart, end: row.quietEnd } }
}

/** Who hears about work outside the workbench, and what each of them chose to hear. */
export function createStaffNoticeRepository(db: Database, q: Q = db.q) {
  const { staff, staffNoticeSettings } = db.tables
  return {
    /**
     * Active staff of `unit` who want `kind`, at `region` or, when nobody of that unit works
     * there, at the nearest level above that has someone: a street without its own desk is
     * covered by its district. The level is chosen before the settings, so one person turning a
     * kind off never sends their notices up to the level above.
     */
    async recipients(unit: string, region: string, kind: StaffNoticeKind, roles: readonly string[]): Promise<string[]> {
      const levels = [region, ...ancestorsOf(region).reverse()]
      const rows = await q
        .select({ id: staff.id, region: staff.regionCode, settings: staffNoticeSettings })
        .from(staff)
        .leftJoin(staffNoticeSettings, eq(staffNoticeSettings.staffId, staff.id))
        .where(and(eq(staff.unitCode, unit), eq(staff.active, true), inArray(staff.regionCode, levels), inArray(staff.role, [...roles])))
        .orderBy(staff.username)
      const nearest = levels.find((level) => rows.some((r) => r.region === level))
      return rows.filter((r) => r.region === nearest && settingsOf(r.settings)[WANTS[kind]]).map((r) => r.id)
    },

    async settings(staffId: string): Promise<NoticeSettings> {
      return settingsOf((await q.select().from(staffNoticeSettings).where(eq(staffNoticeSettings.staffId, staffId)))[0] ?? null)
    },

    async saveSettings(staffId: string, settings: NoticeSettings, now: Date): Promise<void> {
      const { enabled: quietEnabled, start: quietStart, end: quietEnd } = settings.quietHours
      const values = { cosignWarning: settings.cosignWarning, dueSoon: settings.dueSoon, overdue: settings.overdue, quietEnabled, quietStart, quietEnd, updatedAt: now }
      await q.insert(staffNoticeSettings).values({ staffId, ...values }).onConflictDoUpdate({ target: staffNoticeSettings.staffId, set: values })
    },
  }
}

export type StaffNoticeRepository = ReturnType<typeof createStaffNoticeRepository>
