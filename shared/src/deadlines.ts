// Default import on purpose: under Node ESM the package (CommonJS/UMD) exposes
// only `default`, while bundlers read its ES build; both carry the functions there.
import chineseDays from 'chinese-days'

// Regulation clocks run on Chinese working days in China time. China has kept
// UTC+08:00 without DST since 1991, so a fixed offset is exact and the process's
// own time zone (a server in UTC, a phone abroad) never enters the math.

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const CHINA_OFFSET_MS = 8 * HOUR_MS

/** How many working days left still count as "due soon". */
export const DUE_SOON_WORKING_DAYS = 3

export const CLOCKS = {
  accept: { unit: 'working_days', amount: 15, label: '受理告知期限', startsAt: 'registered' },
  reply: { unit: 'working_days', amount: 60, label: '答复期限', startsAt: 'accepted' },
  /** The one extension of the reply clock, at most this long. */
  extension: { unit: 'working_days', amount: 30, label: '延期上限', startsAt: 'reply_due' },
  reviewRequest: { unit: 'working_days', amount: 30, label: '复查申请期限', startsAt: 'replied' },
  review: { unit: 'working_days', amount: 30, label: '复查期限', startsAt: 'reviewing' },
  rereviewRequest: { unit: 'working_days', amount: 30, label: '复核申请期限', startsAt: 'review_decided' },
  rereview: { unit: 'working_days', amount: 30, label: '复核期限', startsAt: 'rereviewing' },
  /** A unit that thinks a case is not theirs says so within this many working days of assignment. */
  objection: { unit: 'working_days', amount: 5, label: '异议期限', startsAt: 'assigned' },
  zoneSimple: { unit: 'hours', amount: 1, label: '专区简单诉求答复', startsAt: 'registered' },
  zoneComplex: { unit: 'working_days', amount: 3, label: '专区复杂诉求答复', startsAt: 'registered' },
} as const
export type ClockName = keyof typeof CLOCKS

export type DeadlineState = 'ok' | 'due_soon' | 'overdue'

const assertValid = (date: Date, what: string): void => {
  if (Number.isNaN(date.getTime())) throw new RangeError(`${what} is not a valid date`)
}

// A China calendar day as a whole number of days since 1970-01-01 (China time).
const chinaDay = (date: Date): number => Math.floor((date.getTime() + CHINA_OFFSET_MS) / DAY_MS)
const endOfChinaDay = (day: number): Date => new Date((day + 1) * DAY_MS - CHINA_OFFSET_MS - 1)

// The calendar is fixed data, and every list item's deadline state walks up to a few months of
// days through it: each day is asked of chinese-days once per process, then remembered.
const workingDays = new Map<number, boolean>()

/**
 * Days the State Council's notice fixes that the calendar library does not know yet (a new
 * year's holidays are announced each November; the library follows later): holidays and
 * make-up working days as 'YYYY-MM-DD'. They take precedence over the library.
 */
export interface CalendarSupplement {
  holidays: readonly string[]
  workdays: readonly string[]
}
const supplement = new Map<number, boolean>()
const dayOfDateString = (ymd: string): number => {
  const ms = Date.parse(`${ymd}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd) || Number.isNaN(ms)) throw new RangeError(`not a date: ${ymd}`)
  return ms / DAY_MS
}

/** Replaces the supplement (see CalendarSupplement); deadlines computed after use it. */
export const supplementCalendar = ({ holidays, workdays }: CalendarSupplement): void => {
  // all or nothing: a notice with one bad date changes no deadline
  const days: [number, boolean][] = [...holidays.map((d) => [dayOfDateString(d), false] as [number, boolean]), ...workdays.map((d) => [dayOfDateString(d), true] as [number, boolean])]
  supplement.clear()
  workingDays.clear()
  for (const [day, working] of days) supplement.set(day, working)
}

/**
 * Whether the holidays of `year` are known, from the library or the supplement: every year
 * has National Day, so a year whose 1 October reads as a working day is not in the data.
 */
export const calendarKnowsYear = (year: number): boolean => !isWorkingChinaDay(dayOfDateString(`${year}-10-01`))

/**
 * Whether every day a clock counted from `from` to `to` lies in a year the calendar knows. A
 * deadline that is not covered was counted on weekends alone for the unknown part: provisional,
 * to be counted again once the State Council's notice for that year is in.
 */
export const calendarCovers = (from: Date, to: Date): boolean => {
  assertValid(from, 'from')
  assertValid(to, 'to')
  const [a, b] = [Number(chinaDateString(from).slice(0, 4)), Number(chinaDateString(to).slice(0, 4))]
  for (let year = Math.min(a, b); year <= Math.max(a, b); year += 1) {
    if (!calendarKnowsYear(year)) return false
  }
  return true
}

const isWorkingChinaDay = (day: number): boolean => {
  const known = workingDays.get(day) ?? supplement.get(day)
  if (known !== undefined) return known
  const utc = new Date(day * DAY_MS)
  // chinese-days parses 'YYYY-MM-DD' strings as UTC but formats with local getters, so
  // west of Greenwich a string lands on the previous day. A local-time Date of the same
  // calendar date (noon, clear of any DST shift) reads back as that date in every zone.
  const working = chineseDays.isWorkday(new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), 12))
  workingDays.set(day, working)
  return working
}

/** 'YYYY-MM-DD' of the China calendar day containing `date`. */
export const chinaDateString = (date: Date): string => {
  assertValid(date, 'date')
  return new Date(chinaDay(date) * DAY_MS).toISOString().slice(0, 10)
}

/** Whether the China calendar day containing `date` is a working day (调休 included). */
export const isWorkingDay = (date: Date): boolean => {
  assertValid(date, 'date')
  return isWorkingChinaDay(chinaDay(date))
}

/**
 * The end (23:59:59.999 China time) of the n-th working day after the day of `from`.
 * That day itself never counts, worked or not: a case filed at 08:00 on a Monday
 * and one filed at 23:00 get the same deadline.
 */
export const addWorkingDays = (from: Date, n: number): Date => {
  assertValid(from, 'from')
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`)
  let day = chinaDay(from)
  for (let left = n; left > 0; ) {
    day += 1
    if (isWorkingChinaDay(day)) left -= 1
  }
  return endOfChinaDay(day)
}

/**
 * When `clock` started at `from` runs out. `extraDays` is an approved extension
 * in working days, never more than CLOCKS.extension allows.
 */
export const dueDate = (clock: ClockName, from: Date, extraDays = 0): Date => {
  assertValid(from, 'from')
  const spec = CLOCKS[clock]
  if (!Number.isInteger(extraDays) || extraDays < 0 || extraDays > CLOCKS.extension.amount) {
    throw new RangeError(`extraDays must be an integer from 0 to ${CLOCKS.extension.amount}`)
  }
  if (spec.unit === 'hours') {
    if (extraDays !== 0) throw new RangeError(`${clock} is an elapsed-time clock and cannot be extended`)
    return new Date(from.getTime() + spec.amount * HOUR_MS)
  }
  return addWorkingDays(from, spec.amount + extraDays)
}

/**
 * Working days in the China calendar days after `a` up to and including `b`'s
 * day; negative, counted the same way, when `b` is before `a`. With `a` = now
 * and `b` = a due date: whole working days left, 0 on the due day itself (and on
 * a weekend just after it, which deadlineState still reports overdue).
 */
export const workingDaysBetween = (a: Date, b: Date): number => {
  assertValid(a, 'a')
  assertValid(b, 'b')
  const start = chinaDay(a)
  const end = chinaDay(b)
  let count = 0
  for (let day = Math.min(start, end) + 1; day <= Math.max(start, end); day += 1) {
    if (isWorkingChinaDay(day)) count += 1
  }
  // `0 - 0` would be -0, which Object.is (and strict test matchers) tell apart from 0.
  return start <= end || count === 0 ? count : -count
}

/**
 * The latest due time deadlineState still calls due soon rather than ok: the end of the last
 * day before the (DUE_SOON_WORKING_DAYS + 1)-th working day after today. Lets a database
 * query pick the yellow cases with one comparison.
 */
export const dueSoonLimit = (now: Date): Date => new Date(addWorkingDays(now, DUE_SOON_WORKING_DAYS + 1).getTime() - DAY_MS)

/** Overdue once `now` passes `due`; due soon with DUE_SOON_WORKING_DAYS or fewer left. */
export const deadlineState = (due: Date, now: Date): DeadlineState => {
  assertValid(due, 'due')
  assertValid(now, 'now')
  if (now.getTime() > due.getTime()) return 'overdue'
  return workingDaysBetween(now, due) <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'ok'
}
