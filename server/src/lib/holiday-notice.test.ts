import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import chineseDays from 'chinese-days'
import { describe, expect, it } from 'vitest'
import { NoticeError, parseHolidayNotice, type NoticeCalendar } from './holiday-notice'

const fixture = (year: number) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', `holiday-notice-${year}.txt`), 'utf8')

/** Whether the day is worked, reading only the parsed notice over plain weekends. */
const worksOn = (calendar: NoticeCalendar, day: string) => {
  if (calendar.workdays.includes(day)) return true
  if (calendar.holidays.includes(day)) return false
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

describe('reading the State Council holiday notice', () => {
  // the library has these years from the same notices: every day of the year must agree
  it.each([2017, 2025, 2026])('gives every working day of %i as the calendar library has it', (year) => {
    const calendar = parseHolidayNotice(fixture(year), year)
    const disagreements: string[] = []
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10)
      const [y, m, d] = day.split('-').map(Number) as [number, number, number]
      if (worksOn(calendar, day) !== chineseDays.isWorkday(new Date(y, m - 1, d, 12))) disagreements.push(day)
    }
    expect(disagreements).toEqual([])
  })

  it('reads 2026 into exactly the notice\'s days off and make-up days', () => {
    const { holidays, workdays } = parseHolidayNotice(fixture(2026), 2026)
    expect(workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
    expect(holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7)
    expect(holidays).toContain('2026-02-23')
  })

  it('takes a year written in the notice, as when New Year starts in December', () => {
    const { holidays, workdays } = parseHolidayNotice('一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。', 2023)
    expect(holidays).toEqual(['2022-12-31', '2023-01-01', '2023-01-02'])
    expect(workdays).toEqual([])
  })

  it('refuses what it cannot read for certain, naming the line', () => {
    expect(() => parseHolidayNotice('节日快乐', 2027)).toThrow(NoticeError)
    expect(() => parseHolidayNotice('二、春节：2月5日至12日放假调休，共9天。', 2027)).toThrow(/春节：写明共9天，日期算出来是8天/)
    expect(() => parseHolidayNotice('二、春节：2月30日至3月2日放假。', 2027)).toThrow(/不存在的日期/)
    expect(() => parseHolidayNotice('二、春节：2月5日放假。2月5日上班。', 2027)).toThrow(/既放假又上班/)
  })
})
