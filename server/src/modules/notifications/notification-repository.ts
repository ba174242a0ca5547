import { and, asc, eq, inArray, lte } from 'drizzle-orm'
import type { QuietWindow } from '@xinfang/shared/quiet-hours'
import type { Database, Q } from '../../db/database'
import { settingsOf } from './staff-notice-repository'

export type NoticeChannelName = 'wechat' | 'alipay' | 'cityapp' | 'sms'

/** Where a notice goes: the platform identity first (when there is one), then the phone. */
export interface NoticeRecipient {
  platform: 'wechat' | 'alipay' | 'cityapp' | null
  platformUid: string | null
  /** encrypted; the resident's own, else the case's contact number; the staff member's */
  phoneEnc: string | null
}

/** A pending notice with what it takes to reach its resident or staff member. */
export interface DueNotice {
  id: string
  caseId: string
  event: string
  payload: Record<string, unknown>
  attempts: number
  /** on a pending row: the channel the next attempt goes to, once the platform has refused (sms) */
  channel: string | null
  audience: 'resident' | 'staff'
  recipient: NoticeRecipient
  /** staff only: their quiet hours, null when they turned them off */
  quietHours: QuietWindow | null
  /** false for a staff account switched off since the notice was written */
  reachable: boolean
}

/**
 * The outbox's read and bookkeeping side. Every update is guarded by `status = 'pending'`,
 * so a row already settled is never touched again.
 */
export function createNotificationRepository(db: Database, q: Q = db.q) {
  const { cases, notifications, residents, staff, staffNoticeSettings } = db.tables
  const pending = (id: string) => and(eq(notifications.id, id), eq(notifications.status, 'pending'))

  /** The claimed rows with what it takes to reach each recipient, in claim order. */
  async function withRecipients(tx: Q, ids: string[]): Promise<DueNotice[]> {
    const rows = await tx
      .select({
        id: notifications.id,
        caseId: notifications.caseId,
        event: notifications.event,
        payload: notifications.payload,
        attempts: notifications.attempts,
        channel: notifications.channel,
        resident: { platform: residents.platform, platformUid: residents.platformUid, phoneEnc: residents.phoneEnc },
        contactPhoneEnc: cases.contactPhoneEnc,
        staff: { id: staff.id, platform: staff.noticePlatform, platformUid: staff.noticeUid, phoneEnc: staff.phoneEnc, active: staff.active },
        settings: staffNoticeSettings,
      })
      .from(notifications)
      .innerJoin(cases, eq(cases.id, notifications.caseId))
      .leftJoin(residents, eq(residents.id, notifications.residentId))
      .leftJoin(staff, eq(staff.id, notifications.staffId))
      .leftJoin(staffNoticeSettings, eq(staffNoticeSettings.staffId, notifications.staffId))
      .where(inArray(notifications.id, ids))
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
    return rows.map(({ resident, contactPhoneEnc, staff: member, settings, ...row }): DueNotice => {
      if (member) {
        const { quietHours } = settingsOf(settings)
        return {
          ...row,
          audience: 'staff',
          recipient: { platform: member.platform, platformUid: member.platformUid, phoneEnc: member.phoneEnc },
          quietHours: quietHours.enabled ? quietHours : null,
          reachable: member.active,
        }
      }
      return {
        ...row,
        audience: 'resident',
        recipient: { platform: resident?.platform ?? null, platformUid: resident?.platformUid ?? null, phoneEnc: resident?.phoneEnc ?? contactPhoneEnc },
        quietHours: null,
        reachable: true,
      }
    })
  }

  return {
    /**
     * Claims due rows, oldest first: in one transaction the rows are locked (rows another node
     * is claiming are skipped, not waited for) and moved `leaseMs` into the future, so no other
     * node sees them while this one sends. A node that dies mid-send leaves its rows to be
     * claimed again when the lease runs out: a notice goes out at least once, and once in all
     * but that case.
     */
    async claimDue(now: Date, limit: number, leaseMs: number): Promise<DueNotice[]> {
      return db.transaction(async (tx) => {
        const ids = await db.skipLocked(
          tx
            .select({ id: notifications.id })
            .from(notifications)
            .where(and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, now)))
            .orderBy(asc(notifications.createdAt), asc(notifications.id))
            .limit(limit)
            .$dynamic(),
        )
        if (ids.length === 0) return []
        await tx
          .update(notifications)
          .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
          .where(inArray(notifications.id, ids.map((r) => r.id)))
        return withRecipients(tx, ids.map((r) => r.id))
      })
    },

    async markSent(id: string, channel: NoticeChannelName, at: Date, attempts: number): Promise<void> {
      await q.update(notifications).set({ status: 'sent', channel, sentAt: at, attempts, lastError: null }).where(pending(id))
    },

    async markRetry(id: string, update: { channel: NoticeChannelName | null; attempts: number; nextAttemptAt: Date; lastError: string }): Promise<void> {
      await q.update(notifications).set(update).where(pending(id))
    },

    /** Held back, not failed: the attempt count stays, only the time moves (quiet hours). */
    async defer(id: string, until: Date): Promise<void> {
      await q.update(notifications).set({ nextAttemptAt: until }).where(pending(id))
    },

    /** Given up on: the row stays, status failed, with the last error, for an admin to see. */
    async markFailed(id: string, update: { channel: NoticeChannelName | null; attempts: number; lastError: string }): Promise<void> {
      await q.update(notifications).set({ status: 'failed', ...update }).where(pending(id))
    },
  }
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>
