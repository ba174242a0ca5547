import { afterAll, beforeAll, describe, it, expect } from 'vitest'
import chineseDays from 'chinese-days'
import {
  CLOCKS,
  addWorkingDays,
  chinaDateString,
  deadlineState,
  dueSoonLimit,
  calendarCovers,
  calendarKnowsYear,
  supplementCalendar,
  dueDate,
  isWorkingDay,
  workingDaysBetween,
} from './deadlines'

/** A moment written in China time. */
const cn = (local: string) => new Date(`${local}+08:00`)
/** The end of a China calendar day, the shape every working-day deadline has. */
const endOf = (ymd: string) => cn(`${ymd}T23:59:59.999`)
/** chinese-days' own view of a date, asked with a local Date so any process TZ reads it right. */
const detail = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number]
  return chineseDays.getDayDetail(new Date(y, m - 1, d, 12))
}

describe('the calendar the tests rely on (chinese-days 1.5.7)', () => {
  it('has Spring Festival 2026: off 02-15..02-23, make-up Saturdays 02-14 and 02-28', () => {
    for (const d of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23']) expect(detail(d).work, d).toBe(false)
    expect(detail('2026-02-14')).toMatchObject({ work: true, name: expect.stringContaining('春节') })
    expect(detail('2026-02-28')).toMatchObject({ work: true, name: expect.stringContaining('春节') })
    expect(detail('2026-02-24').work).toBe(true)
  })

  it('has Mid-Autumn 09-25..27 and National Day 10-01..07 2026, make-up days 09-20 and 10-10', () => {
    for (const d of ['2026-09-25', '2026-10-01', '2026-10-05', '2026-10-07']) expect(detail(d).work, d).toBe(false)
    for (const d of ['2026-09-20', '2026-09-28', '2026-09-30', '2026-10-08', '2026-10-10']) expect(detail(d).work, d).toBe(true)
    expect(detail('2026-10-11').work).toBe(false)
  })
})

// The expectations below were counted by hand on the calendar above; they run again
// under several process time zones to prove the result depends on China time only.
const knownDeadlines = () => {
  it('counts the accept clock from 2026-09-28 across National Day', () => {
    // Working days after Mon 09-28: 09-29(1) 09-30(2) | 10-01..07 off | 10-08(3) 10-09(4)
    // 10-10 make-up Sat(5) | 10-11 Sun off | 10-12..16(6-10) | 10-19..23(11-15).
    expect(dueDate('accept', cn('2026-09-28T10:00'))).toEqual(endOf('2026-10-23'))
  })

  it('counts the accept clock from 2026-09-30, the last working day before the holiday', () => {
    // 10-08(1) 10-09(2) 10-10(3) 10-12..16(4-8) 10-19..23(9-13) 10-26(14) 10-27(15).
    expect(dueDate('accept', cn('2026-09-30T16:45'))).toEqual(endOf('2026-10-27'))
    // The zone's 3-working-day clock lands on the make-up Saturday: 10-08, 10-09, 10-10.
    expect(dueDate('zoneComplex', cn('2026-09-30T16:45'))).toEqual(endOf('2026-10-10'))
  })

  it('counts 15 working days across Spring Festival 2026, make-up Saturdays included', () => {
    // After Thu 02-12: 02-13(1) 02-14 make-up Sat(2) | 02-15..23 off, weekdays included |
    // 02-24..27(3-6) 02-28 make-up Sat(7) | 03-02..06(8-12) 03-09..11(13-15).
    // Counting plain weekdays instead would give 03-05; skipping the make-up days, 03-13.
    expect(addWorkingDays(cn('2026-02-12T09:00'), 15)).toEqual(endOf('2026-03-11'))
    expect(addWorkingDays(cn('2026-02-13T09:00'), 1)).toEqual(endOf('2026-02-14'))
    expect(addWorkingDays(cn('2026-02-14T09:00'), 1)).toEqual(endOf('2026-02-24'))
  })

  it('reads the day of `from` in China time, not UTC', () => {
    // 17:30Z on 02-13 is 01:30 on Sat 02-14 in China. That day does not count, even
    // though it is a make-up working day, so one working day later is Tue 02-24.
    const from = new Date('2026-02-13T17:30:00Z')
    expect(chinaDateString(from)).toBe('2026-02-14')
    expect(addWorkingDays(from, 1)).toEqual(new Date('2026-02-24T15:59:59.999Z'))
    expect(isWorkingDay(from)).toBe(true)
  })
}

describe('working-day deadlines', () => {
  knownDeadlines()

  it('never counts the day of registration, even on a weekend or holiday', () => {
    expect(addWorkingDays(cn('2026-03-07T11:00'), 1)).toEqual(endOf('2026-03-09')) // Sat -> Mon
    expect(addWorkingDays(cn('2026-03-08T23:59'), 1)).toEqual(endOf('2026-03-09')) // Sun -> Mon
    expect(addWorkingDays(cn('2026-02-15T08:00'), 1)).toEqual(endOf('2026-02-24')) // holiday
    expect(addWorkingDays(cn('2026-10-03T08:00'), 3)).toEqual(endOf('2026-10-10'))
    expect(addWorkingDays(cn('2026-03-09T00:00'), 1)).toEqual(endOf('2026-03-10')) // a working Mon
  })

  it('falls back to plain weekends past the library data', () => {
    expect(addWorkingDays(cn('2027-03-05T10:00'), 1)).toEqual(endOf('2027-03-08'))
  })

  it('applies each clock and the extension limit', () => {
    const from = cn('2026-03-02T10:00')
    expect(dueDate('reply', from)).toEqual(addWorkingDays(from, CLOCKS.reply.amount))
    expect(dueDate('reply', from, 30)).toEqual(addWorkingDays(from, 90))
    expect(dueDate('review', from)).toEqual(addWorkingDays(from, 30))
    expect(dueDate('reviewRequest', from)).toEqual(addWorkingDays(from, 30))
    expect(dueDate('zoneSimple', from)).toEqual(cn('2026-03-02T11:00'))
    expect(() => dueDate('reply', from, 31)).toThrow(RangeError)
    expect(() => dueDate('reply', from, 1.5)).toThrow(RangeError)
    expect(() => dueDate('zoneSimple', from, 1)).toThrow(RangeError)
    expect(() => addWorkingDays(from, 0)).toThrow(RangeError)
    expect(() => addWorkingDays(new Date('nope'), 1)).toThrow(RangeError)
  })

  it('formats China dates at the day boundary', () => {
    expect(chinaDateString(new Date('2026-02-13T15:59:59.999Z'))).toBe('2026-02-13')
    expect(chinaDateString(new Date('2026-02-13T16:00:00.000Z'))).toBe('2026-02-14')
    expect(chinaDateString(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01')
  })
})

describe('workingDaysBetween and deadlineState', () => {
  const due = endOf('2026-10-23') // Fri

  it('counts working days left, zero on the due day, negative when overdue', () => {
    const from = cn('2026-09-28T10:00')
    expect(workingDaysBetween(from, dueDate('accept', from))).toBe(15)
    expect(workingDaysBetween(cn('2026-10-23T08:00'), due)).toBe(0)
    expect(workingDaysBetween(cn('2026-10-24T10:00'), due)).toBe(0) // Sat after: none lost yet
    expect(workingDaysBetween(cn('2026-10-26T10:00'), due)).toBe(-1)
    expect(workingDaysBetween(cn('2026-09-30T10:00'), cn('2026-10-09T10:00'))).toBe(2)
  })

  it('switches to due_soon at 3 working days left and overdue 1 ms past the due moment', () => {
    expect(deadlineState(due, cn('2026-10-19T09:00'))).toBe('ok') // 20,21,22,23 left
    expect(deadlineState(due, cn('2026-10-20T09:00'))).toBe('due_soon') // 21,22,23 left
    expect(deadlineState(due, due)).toBe('due_soon')
    expect(deadlineState(due, new Date(due.getTime() + 1))).toBe('overdue')
    expect(deadlineState(due, cn('2026-10-24T10:00'))).toBe('overdue')
  })

  it('counts holidays out of the warning window', () => {
    const beforeHoliday = endOf('2026-10-09') // 11 calendar days after 09-28, 4 working days
    expect(deadlineState(beforeHoliday, cn('2026-09-28T09:00'))).toBe('ok')
    expect(deadlineState(beforeHoliday, cn('2026-09-29T09:00'))).toBe('due_soon')
  })
})

// Node re-reads process.env.TZ when it is assigned; reached through globalThis
// because this package compiles without Node's types.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env

describe.each([
  ['America/Los_Angeles', 480], // west of UTC: where chinese-days' string parsing slips a day
  ['Pacific/Kiritimati', -840],
  ['UTC', 0],
])('in process time zone %s', (tz, januaryOffset) => {
  const saved = env?.TZ
  beforeAll(() => {
    if (!env) throw new Error('needs a Node test runner to switch time zones')
    env.TZ = tz
  })
  afterAll(() => {
    if (!env) return
    if (saved === undefined) delete env.TZ
    else env.TZ = saved
  })

  it('is really running in that zone', () => {
    expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).toBe(januaryOffset)
  })

  knownDeadlines()
})

describe('dueSoonLimit', () => {
  it('draws the yellow line exactly where deadlineState does, across the National Day holiday', () => {
    // 2026-09-28 (Mon) to 2026-10-12: the holiday week and its make-up working days
    for (let day = 0; day < 14; day += 1) {
      const now = new Date(Date.UTC(2026, 8, 28, 2 + day * 24))
      const limit = dueSoonLimit(now)
      expect(deadlineState(limit, now), `limit on ${now.toISOString()}`).toBe('due_soon')
      expect(deadlineState(new Date(limit.getTime() + 1), now), `just past the limit on ${now.toISOString()}`).toBe('ok')
    }
  })
})

describe('a calendar supplement for a year the library does not know yet', () => {
  afterAll(() => supplementCalendar({ holidays: [], workdays: [] }))

  it('says which years are known, and lets the State Council notice fill in the rest', () => {
    expect(calendarKnowsYear(2026)).toBe(true)
    const before = addWorkingDays(cn('2099-09-30T10:00:00'), 1)
    expect(calendarKnowsYear(2099)).toBe(false)
    // a made-up notice for 2099: 1–3 October off, Sunday 4 October worked instead
    supplementCalendar({ holidays: ['2099-10-01', '2099-10-02', '2099-10-03'], workdays: ['2099-10-04'] })
    expect(calendarKnowsYear(2099)).toBe(true)
    expect(isWorkingDay(cn('2099-10-02T12:00:00'))).toBe(false)
    expect(isWorkingDay(cn('2099-10-04T12:00:00'))).toBe(true)
    expect(addWorkingDays(cn('2099-09-30T10:00:00'), 1).getTime()).toBeGreaterThan(before.getTime())
    expect(() => supplementCalendar({ holidays: ['2099-13-45'], workdays: [] })).toThrow(RangeError)
  })

  it('calls a span provisional when any year it touches is unknown, in either order', () => {
    supplementCalendar({ holidays: [], workdays: [] })
    expect(calendarCovers(cn('2026-03-02T09:00:00'), cn('2026-11-30T09:00:00'))).toBe(true)
    // 2098 is as unknown as 2099, and a span reaching into it is provisional at either end
    expect(calendarCovers(cn('2098-12-20T09:00:00'), cn('2099-01-20T09:00:00'))).toBe(false)
    expect(calendarCovers(cn('2099-01-20T09:00:00'), cn('2026-12-20T09:00:00'))).toBe(false)
    supplementCalendar({ holidays: ['2098-10-01'], workdays: [] })
    expect(calendarCovers(cn('2098-01-02T09:00:00'), cn('2098-12-20T09:00:00'))).toBe(true)
    // the year turns in China time: 07:00 on 1 January in Zhengzhou is still 31 December in UTC
    expect(calendarCovers(cn('2098-06-01T09:00:00'), cn('2099-01-01T07:00:00'))).toBe(false)
  })
})
