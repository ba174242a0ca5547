/**
 * Reads the State Council's yearly notice (国务院办公厅关于 YYYY 年部分节假日安排的通知) into the
 * calendar file HOLIDAY_CALENDAR_FILE takes, so the city can load a new year's holidays the day
 * the notice is out instead of typing dates by hand. The notice has kept one form for years:
 *
 *   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 *   一、元旦：1月1日放假，1月2日（星期一）补休。
 *   一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。
 *
 * Anything it cannot read for certain is an error naming the line: a wrong calendar is worse
 * than none, since the server warns loudly about a missing year but trusts a given one.
 */

export interface NoticeCalendar {
  holidays: string[]
  workdays: string[]
}

export class NoticeError extends Error {}

const ITEM = /^[一二三四五六七八九十]+、\s*([^：:]+)[：:](.+)$/
const DAY = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g
const COUNT = /共(\d+)天/

const ymd = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new NoticeError(`不存在的日期：${year}年${month}月${day}日`)
  return date.toISOString().slice(0, 10)
}

const daysFrom = (first: string, last: string): string[] => {
  const days: string[] = []
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10))
  return days
}

/** The dates of one clause in order; a date without a month or year has those of the one before. */
function datesOf(clause: string, context: { year: number; month: number | null }): string[] {
  const dates: string[] = []
  for (const [, y, m, d] of clause.matchAll(DAY)) {
    if (y) context.year = Number(y)
    if (m) context.month = Number(m)
    if (context.month === null) throw new NoticeError(`日期缺少月份：${clause}`)
    dates.push(ymd(context.year, context.month, Number(d)))
  }
  return dates
}

/** The notice's text for `year` as holidays (days off) and make-up working days. */
export function parseHolidayNotice(text: string, year: number): NoticeCalendar {
  const holidays = new Set<string>()
  const workdays = new Set<string>()
  const items = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => ITEM.test(line))
  if (items.length === 0) throw new NoticeError('没有找到“一、元旦：……”这样的放假安排条目')
  for (const line of items) {
    const [, name, body] = ITEM.exec(line)!
    // what the brackets say (weekday, lunar date) is for readers; the dates are outside them
    const plain = body!.replace(/（[^）]*）|\([^)]*\)/g, '')
    const context = { year, month: null as number | null }
    for (const sentence of plain.split(/[。；;]/).map((s) => s.trim()).filter(Boolean)) {
      for (const clause of sentence.split(/[，,]/).map((s) => s.trim())) {
        const dates = datesOf(clause, context)
        if (dates.length === 0) continue
        if (/上班/.test(clause)) dates.forEach((d) => workdays.add(d))
        else if (/补休/.test(clause)) dates.forEach((d) => holidays.add(d))
        else if (/放假/.test(clause)) {
          const off = /至/.test(clause) ? daysFrom(dates[0]!, dates[dates.length - 1]!) : dates
          const stated = COUNT.exec(sentence)
          if (stated && /至/.test(clause) && Number(stated[1]) !== off.length) throw new NoticeError(`${name!.trim()}：写明共${stated[1]}天，日期算出来是${off.length}天`)
          off.forEach((d) => holidays.add(d))
        } else throw new NoticeError(`看不懂这一句是放假还是上班：${clause}`)
      }
    }
  }
  for (const day of workdays) if (holidays.has(day)) throw new NoticeError(`${day}既放假又上班`)
  return { holidays: [...holidays].sort(), workdays: [...workdays].sort() }
}
