import fs from 'node:fs'
import fp from 'fastify-plugin'
import { Type } from 'typebox'
import { Value } from 'typebox/value'
import { calendarKnowsYear, chinaDateString, supplementCalendar } from '@xinfang/shared/deadlines'

const SupplementSchema = Type.Object(
  { holidays: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })), workdays: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) },
  { additionalProperties: false },
)

/**
 * The working-day calendar every deadline runs on. The library knows the years it was published
 * with; a new year's holidays come from the State Council each November, so the city supplies
 * them in HOLIDAY_CALENDAR_FILE until the library catches up. A start that would compute
 * deadlines into a year nobody knows says so loudly, once, rather than counting its Spring
 * Festival as working days in silence.
 */
export default fp(
  async (fastify) => {
    const file = fastify.config.holidayCalendarFile
    if (file) {
      const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
      if (!Value.Check(SupplementSchema, data)) throw new Error(`HOLIDAY_CALENDAR_FILE ${file}: expected { "holidays": ["YYYY-MM-DD"], "workdays": ["YYYY-MM-DD"] }`)
      supplementCalendar(data)
      fastify.log.info({ file, holidays: data.holidays.length, workdays: data.workdays.length }, 'holiday calendar supplemented')
    }
    const year = Number(chinaDateString(fastify.clock.now()).slice(0, 4))
    // a reply clock runs about three months: next year matters from the autumn on
    for (const y of [year, year + 1]) {
      if (!calendarKnowsYear(y)) fastify.log.warn({ year: y }, `没有${y}年的节假日安排：期限将只按周末计算。公布后请用 npm run calendar:notice 把国务院办公厅的通知写入 HOLIDAY_CALENDAR_FILE 并重启`)
    }
  },
  { name: 'holiday-calendar', dependencies: ['config'] },
)
