import type { ClockName } from '@xinfang/shared/deadlines'
import { hasProvisionalDue, type CalendarFields } from './case-calendar'
import type { CaseRow, NewCase } from './case-repository'

type ClockFields = Pick<CaseRow, 'status' | 'zone' | 'respondDue' | 'acceptDue' | 'replyDue' | 'reviewDue' | 'rereviewDue'>

/**
 * The one clock running on a case in its state, and when it runs out. A zone case owes a first
 * answer within the hour and a reply within 3 working days; others the regulation's 15 and 60.
 */
export function runningClock(c: ClockFields): { dueClock: ClockName | null; dueAt: Date | null } {
  switch (c.status) {
    case 'registered':
    case 'mediating':
      return c.zone && c.respondDue ? { dueClock: 'zoneSimple', dueAt: c.respondDue } : { dueClock: 'accept', dueAt: c.acceptDue }
    case 'accepted':
      return { dueClock: c.zone ? 'zoneComplex' : 'reply', dueAt: c.replyDue }
    case 'review_requested':
    case 'reviewing':
      return { dueClock: 'review', dueAt: c.reviewDue }
    case 'rereview_requested':
    case 'rereviewing':
      return { dueClock: 'rereview', dueAt: c.rereviewDue }
    default:
      return { dueClock: null, dueAt: null }
  }
}

/** The running clock and whether any live date on the case is provisional, for a case as it now stands. */
export const clockState = (c: ClockFields & CalendarFields) => ({ ...runningClock(c), provisionalDue: hasProvisionalDue(c) })

/** What a case just registered has not reached yet: no later clock has started. */
export const UNSTARTED = {
  acceptedAt: null,
  repliedAt: null,
  reviewRequestedAt: null,
  reviewDecidedAt: null,
  rereviewRequestedAt: null,
  extensionStatus: null,
  extensionDays: null,
  reviewRequestDue: null,
  reviewDue: null,
  rereviewRequestDue: null,
  rereviewDue: null,
} as const

/** A patch with the running clock brought in step with it: every write that changes state goes through this. */
export const withClock = (row: CaseRow, patch: Partial<NewCase>): Partial<NewCase> => ({ ...patch, ...clockState({ ...row, ...patch } as CaseRow) })
