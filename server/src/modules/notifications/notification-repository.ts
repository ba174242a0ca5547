import { and, asc, eq, lte } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, notifications, residents } from '../../db/schema'

export type NoticeChannelName = 'wechat' | 'alipay' | 'cityapp' | 'sms'

/** A pending notice with what it takes to reach its resident. */
export interface DueNotice {
  id: string
  caseId: string
  event: string
  payload: Record<string, unknown>
  attempts: number
  /** on a pending row: the channel the next attempt goes to, once the platform has refused (sms) */
  channel: string | null
  platform: 'wechat' | 'alipay' | 'cityapp'
  platformUid: string
  residentPhoneEnc: string | null
  contactPhoneEnc: string | null
}

/**
 * The outbox's read and bookkeeping side. Every update is guarded by `status = 'pending'`,
 * so a row already settled is never touched again.
 */
export function createNotificationRepository(db: Db) {
  const pending = (id: string) => and(eq(notifications.id, id), eq(notifications.status, 'pending'))

  return {
    /** Due rows, oldest first. */
    due(now: Date, limit: number): DueNotice[] {
      return db
        .select({
          id: notifications.id,
          caseId: notifications.caseId,
          event: notifications.event,
          payload: notifications.payload,
          attempts: notifications.attempts,
          channel: notifications.channel,
          platform: residents.platform,
          platformUid: residents.platformUid,
          residentPhoneEnc: residents.phoneEnc,
          contactPhoneEnc: cases.contactPhoneEnc,
        })
        .from(notifications)
        .innerJoin(residents, eq(residents.id, notifications.residentId))
        .innerJoin(cases, eq(cases.id, notifications.caseId))
        .where(and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, now)))
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
        .limit(limit)
        .all()
    },

    markSent(id: string, channel: NoticeChannelName, at: Date, attempts: number): void {
      db.update(notifications).set({ status: 'sent', channel, sentAt: at, attempts, lastError: null }).where(pending(id)).run()
    },

    markRetry(id: string, update: { channel: NoticeChannelName | null; attempts: number; nextAttemptAt: Date; lastError: string }): void {
      db.update(notifications).set(update).where(pending(id)).run()
    },

    /** Given up on: the row stays, status failed, with the last error, for an admin to see. */
    markFailed(id: string, update: { channel: NoticeChannelName | null; attempts: number; lastError: string }): void {
      db.update(notifications).set({ status: 'failed', ...update }).where(pending(id)).run()
    },
  }
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>
