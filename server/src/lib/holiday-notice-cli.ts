import fs from 'node:fs'
import { NoticeError, parseHolidayNotice, type NoticeCalendar } from './holiday-notice'

/**
 * `npm run -s calendar:notice -- notice.txt [calendar.json] > calendar.json`: the State Council's
 * notice (its text, as published) into the calendar file HOLIDAY_CALENDAR_FILE reads. Given the
 * calendar file in use, the new year replaces that year's dates in it and the other years stay.
 * The year comes from the notice's title (关于2027年部分节假日安排的通知).
 */
const [noticePath, currentPath] = process.argv.slice(2)
if (!noticePath) {
  console.error('usage: npm run -s calendar:notice -- notice.txt [current-calendar.json] > calendar.json')
  process.exit(2)
}
const text = fs.readFileSync(noticePath, 'utf8')
const year = Number(/关于(\d{4})年部分节假日安排/.exec(text)?.[1])
if (!year) {
  console.error('the notice has no title 国务院办公厅关于YYYY年部分节假日安排的通知 to take the year from')
  process.exit(2)
}
try {
  const parsed = parseHolidayNotice(text, year)
  const current: NoticeCalendar = currentPath ? JSON.parse(fs.readFileSync(currentPath, 'utf8')) : { holidays: [], workdays: [] }
  // the notice's own dates, and those of other years (New Year may start in the December before)
  const others = (days: string[], own: string[]) => days.filter((d) => !d.startsWith(`${year}-`) && !own.includes(d))
  const merged = {
    holidays: [...others(current.holidays, parsed.holidays), ...parsed.holidays].sort(),
    workdays: [...others(current.workdays, parsed.workdays), ...parsed.workdays].sort(),
  }
  process.stdout.write(`${JSON.stringify(merged, null, 2)}\n`)
  console.error(`${year}: ${parsed.holidays.length} days off, ${parsed.workdays.length} make-up working days`)
} catch (error) {
  if (!(error instanceof NoticeError)) throw error
  console.error(`could not read the notice: ${error.message}`)
  process.exit(1)
}
