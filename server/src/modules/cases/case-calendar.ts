import { calendarCovers, dueDate, type ClockName } from '@xinfang/shared/deadlines'
import type { DeadlineKey } from '@xinfang/shared/contracts/cases'
import type { CaseRow, NewCase } from './case-repository'

type DueField = 'acceptDue' | 'replyDue' | 'reviewRequestDue' | 'reviewDue' | 'rereviewRequestDue' | 'rereviewDue'
export type CalendarFields = Pick<
  CaseRow,
  DueField | 'status' | 'zone' | 'registeredAt' | 'acceptedAt' | 'repliedAt' | 'reviewRequestedAt' | 'reviewDecidedAt' | 'rereviewRequestedAt' | 'extensionStatus' | 'extensionDays'
>

interface DueRule {
  field: DueField
  /** the resident's name for it in `Deadlines` */
  shownAs: DeadlineKey
  clock: (row: CalendarFields) => ClockName
  /** when the clock started; null while it has not */
  from: (row: CalendarFields) => Date | null
  /** whether the date still matters: a spent clock's date is history and is never counted again */
  live: (row: CalendarFields) => boolean
  extraDays?: (row: CalendarFields) => number
}

const isIn = (...statuses: string[]) => (row: CalendarFields) => statuses.includes(row.status)

/**
 * Every working-day date a case stores, with where its clock starts: the one place that knows
 * how to count a stored deadline again. (The zone's one-hour clock is elapsed time and never
 * depends on the calendar.)
 */
const DUE_RULES: readonly DueRule[] = [
  { field: 'acceptDue', shownAs: 'acceptBy', clock: () => 'accept', from: (r) => r.registeredAt, live: isIn('registered', 'mediating') },
  {
    field: 'replyDue',
    shownAs: 'replyBy',
    // a zone case's reply clock runs from registration; others from acceptance
    clock: (r) => (r.zone ? 'zoneComplex' : 'reply'),
    from: (r) => (r.zone ? r.registeredAt : r.acceptedAt),
    live: isIn('registered', 'mediating', 'accepted'),
    extraDays: (r) => (r.extensionStatus === 'approved' ? (r.extensionDays ?? 0) : 0),
  },
  // a review's decision is a new reply (repliedAt moves), so the first request window is live only before it
  { field: 'reviewRequestDue', shownAs: 'reviewRequestBy', clock: () => 'reviewRequest', from: (r) => r.repliedAt, live: (r) => !r.reviewRequestedAt && !r.reviewDecidedAt },
  { field: 'reviewDue', shownAs: 'reviewBy', clock: () => 'review', from: (r) => r.reviewRequestedAt, live: isIn('review_requested', 'reviewing') },
  { field: 'rereviewRequestDue', shownAs: 'reviewRequestBy', clock: () => 'rereviewRequest', from: (r) => r.reviewDecidedAt, live: (r) => !r.rereviewRequestedAt },
  { field: 'rereviewDue', shownAs: 'reviewBy', clock: () => 'rereview', from: (r) => r.rereviewRequestedAt, live: isIn('rereview_requested', 'rereviewing') },
]

interface LiveDue {
  rule: DueRule
  from: Date
  due: Date
}

const liveDues = (row: CalendarFields): LiveDue[] =>
  DUE_RULES.flatMap((rule) => {
    const from = rule.from(row)
    const due = row[rule.field]
    return from && due && rule.live(row) ? [{ rule, from, due }] : []
  })

/** The deadlines a view shows that were counted across a year whose holidays nobody knows yet. */
export const provisionalDeadlines = (row: CalendarFields): (DeadlineKey)[] => [
  ...new Set(liveDues(row).flatMap(({ rule, from, due }) => (calendarCovers(from, due) ? [] : [rule.shownAs]))),
]

/** Whether any live date of the case must be counted again once the calendar knows more. */
export const hasProvisionalDue = (row: CalendarFields): boolean => liveDues(row).some(({ from, due }) => !calendarCovers(from, due))

export interface Recount {
  patch: Partial<Pick<NewCase, DueField>>
  /** what moved, in the resident's words: 书面答复 2027-02-10 → 2027-02-17 */
  changes: { shownAs: DeadlineKey; from: Date; to: Date }[]
}

/** Each live date counted again on the calendar as it stands now. */
export function recountDues(row: CalendarFields): Recount {
  const recount: Recount = { patch: {}, changes: [] }
  for (const { rule, from, due } of liveDues(row)) {
    const counted = dueDate(rule.clock(row), from, rule.extraDays?.(row) ?? 0)
    if (counted.getTime() === due.getTime()) continue
    recount.patch[rule.field] = counted
    recount.changes.push({ shownAs: rule.shownAs, from: due, to: counted })
  }
  return recount
}
