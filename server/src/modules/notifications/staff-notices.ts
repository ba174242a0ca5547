import type { StaffNoticeKind } from '@xinfang/shared/contracts/notice-settings'
import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import type { Database, Q } from '../../db/database'
import type { Outbox } from './outbox'
import { createStaffNoticeRepository } from './staff-notice-repository'

/** Who at a warned petition office hears of a warning: those who triage and supervise, not the admin. */
export const WARNED_ROLES = ['office', 'supervisor', 'leader'] as const
/** Who hears that a case they hold is running late: those who can act on it. */
export const ACTING_STAFF_ROLES = ['office', 'handler'] as const

/** The office or unit told: a unit at a level of the jurisdiction tree, and the roles there that hear it. */
export interface NoticeTarget {
  unit: string
  region: string
  roles: readonly string[]
}

/**
 * Work notices to staff, written into the outbox inside the caller's transaction: the warning
 * or deadline and its notices exist together or not at all.
 */
export function createStaffNotices(db: Database, outbox: Outbox, q: Q = db.q) {
  const repository = createStaffNoticeRepository(db, q)
  return {
    /** Tells everyone at each target who wants `kind`, each person once; answers how many were told. */
    async tell(targets: readonly NoticeTarget[], kind: StaffNoticeKind, row: { id: string; trackingNo: string; title: string }, message: string, at: Date): Promise<number> {
      // one query after another: inside a transaction they share one connection
      const staffIds = new Set<string>()
      for (const t of targets) for (const id of await repository.recipients(t.unit, t.region, kind, t.roles)) staffIds.add(id)
      for (const staffId of staffIds) await outbox.enqueueForStaff({ caseId: row.id, staffId, kind, trackingNo: formatTrackingNo(row.trackingNo), title: row.title, message, at })
      return staffIds.size
    },
  }
}

export type StaffNotices = ReturnType<typeof createStaffNotices>
