import type { StaffNoticeKind } from '@xinfang/shared/contracts/notice-settings'
import type { Database, Q } from '../../db/database'
import { newTimeOrderedId } from '../../lib/ids'

/** What a resident is told about their case; the worker turns it into each platform's message. */
export interface CaseNotice {
  caseId: string
  residentId: string
  /** the timeline action that prompted it, e.g. `accepted`, `info_requested` */
  event: string
  /** 12-digit tracking number, grouped 4-4-4 */
  trackingNo: string
  /** the case title as the resident wrote it */
  title: string
  /** the status as residents read it, e.g. 办理中 */
  statusLabel: string
  /** one plain sentence, e.g. 您的诉求已受理，将在法定期限内答复 */
  message: string
  at: Date
}

/** What a staff member is told about a case they must look at: the kind is the event. */
export interface StaffNotice {
  caseId: string
  staffId: string
  kind: StaffNoticeKind
  trackingNo: string
  title: string
  /** one plain sentence, e.g. 受理告知期限将于2026-10-23届满，请抓紧办理 */
  message: string
  at: Date
}

/**
 * The outbox's write side. Enqueueing only inserts a row, so it belongs inside the transaction
 * of the change it reports: the notice exists exactly when the change does, and sending it
 * (the worker's job) never holds up the request.
 */
export function createOutbox(db: Database, q: Q = db.q) {
  const { notifications } = db.tables
  const row = async (recipient: { residentId: string } | { staffId: string }, caseId: string, event: string, at: Date, payload: Record<string, unknown>) =>
    db.insertRows(q, notifications, [{ id: newTimeOrderedId('n', at), caseId, ...recipient, event, payload: { ...payload, at: at.toISOString() }, status: 'pending', attempts: 0, nextAttemptAt: at, createdAt: at }])
  return {
    async enqueue(notice: CaseNotice): Promise<void> {
      const { caseId, residentId, event, at, ...payload } = notice
      await row({ residentId }, caseId, event, at, payload)
    },
    /** Quiet hours are the worker's to apply, at send time, so a setting changed meanwhile counts. */
    async enqueueForStaff(notice: StaffNotice): Promise<void> {
      const { caseId, staffId, kind, at, ...payload } = notice
      await row({ staffId }, caseId, kind, at, payload)
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
