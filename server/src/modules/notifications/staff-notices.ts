import type { StaffNoticeKind } from '@xinfang/shared/contracts/notice-settings'
import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import type { Db } from '../../db/client'
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
export function createStaffNotices(db: Db, outbox: Outbox) {
  const repository = createStaffNoticeRepository(db)
  return {
    /** Tells everyone at each target who wants `kind`, each person once; answers how many were told. */
    tell(targets: readonly NoticeTarget[], kind: StaffNoticeKind, row: { id: string; trackingNo: string; title: string }, message: string, at: Date): number {
      const staffIds = new Set(targets.flatMap((t) => repository.recipients(t.unit, t.region, kind, t.roles)))
      for (const staffId of staffIds) outbox.enqueueForStaff({ caseId: row.id, staffId, kind, trackingNo: formatTrackingNo(row.trackingNo), title: row.title, message, at })
      return staffIds.size
    },
  }
}

export type StaffNotices = ReturnType<typeof createStaffNotices>
