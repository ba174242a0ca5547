import { afterEach, describe, expect, it } from 'vitest'
import { dueDate, supplementCalendar } from '@xinfang/shared/deadlines'
import { hasProvisionalDue, recountDues, type CalendarFields } from './case-calendar'
import { UNSTARTED } from './running-clock'

const cn = (local: string) => new Date(`${local}+08:00`)
const base: CalendarFields = { ...UNSTARTED, status: 'registered', zone: null, registeredAt: cn('2098-12-22T10:00:00'), acceptDue: null, replyDue: null }
// 2098 known, 2099 not: a clock from late December into January is provisional
const known2098 = { holidays: ['2098-10-01'], workdays: [] }
const notice2099 = { holidays: ['2098-10-01', '2099-01-01', '2099-01-02', '2099-10-01'], workdays: [] }

afterEach(() => supplementCalendar({ holidays: [], workdays: [] }))

describe("counting a case's stored dates again", () => {
  it('moves a live date once the year it ran into is known, and leaves it while it is not', () => {
    supplementCalendar(known2098)
    const row = { ...base, acceptDue: dueDate('accept', base.registeredAt) }
    expect(hasProvisionalDue(row)).toBe(true)
    expect(recountDues(row).changes).toEqual([])
    supplementCalendar(notice2099)
    const { patch, changes } = recountDues(row)
    expect(changes).toHaveLength(1)
    expect(patch.acceptDue!.getTime()).toBeGreaterThan(row.acceptDue.getTime())
    expect(hasProvisionalDue({ ...row, ...patch })).toBe(false)
  })

  it('keeps an approved extension in the recounted reply date', () => {
    supplementCalendar(known2098)
    const acceptedAt = cn('2098-11-20T10:00:00')
    const row = { ...base, status: 'accepted', acceptedAt, extensionStatus: 'approved' as const, extensionDays: 10, replyDue: dueDate('reply', acceptedAt, 10) }
    supplementCalendar(notice2099)
    expect(recountDues(row).patch.replyDue).toEqual(dueDate('reply', acceptedAt, 10))
  })

  it('never touches a spent date: the first review window once the review is decided', () => {
    supplementCalendar(known2098)
    const repliedAt = cn('2098-12-10T10:00:00')
    const row = { ...base, status: 'replied', repliedAt, reviewDecidedAt: repliedAt, reviewRequestDue: dueDate('reviewRequest', cn('2098-12-01T10:00:00')) }
    expect(hasProvisionalDue(row)).toBe(false)
    supplementCalendar(notice2099)
    expect(recountDues(row).changes).toEqual([])
  })
})
