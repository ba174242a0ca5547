import type { ClockName } from '@xinfang/shared/deadlines'
import { hasProvisionalDue, type CalendarFields } from './case-calendar'
import type { CaseRow, NewCase } from './case-repository'

type ClockFields = Pick<CaseRow, 'status' | 'zone' | 'zoneTriage' | 'respondDue' | 'acceptDue' | 'replyDue' | 'reviewDue' | 'rereviewDue'>

/**
 * The one clock running on a case in its state, and when it runs out. A zone case answers a
 * simple question within the hour and a complex one within 3 working days, from registration, in
 * whatever state before the reply; others owe the regulation's 15 days to accept and 60 to reply.
 */
export function runningClock(c: ClockFields): { dueClock: ClockName | null; dueAt: Date | null } {
  switch (c.status) {
    case 'registered':
    case 'mediating':
    case 'accepted':
      if (c.zone && c.zoneTriage) return c.zoneTriage === 'simple' ? { dueClock: 'zoneSimple', dueAt: c.respondDue } : { dueClock: 'zoneComplex', dueAt: c.replyDue }
      if (c.status === 'accepted') return { dueClock: c.zone ? 'zoneComplex' : 'reply', dueAt: c.replyDue }
      // a zone case filed before triage existed owes a first answer within the hour
      return c.zone && c.respondDue ? { dueClock: 'zoneSimple', dueAt: c.respondDue } : { dueClock: 'accept', dueAt: c.acceptDue }
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
