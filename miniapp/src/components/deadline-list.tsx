import { Text, View } from '@tarojs/components'
import type { DeadlineKey, Deadlines } from '@xinfang/shared/contracts/cases'
import type { ZoneClock } from '@xinfang/shared/contracts/zones'
import { deadlineWords, formatDateTime } from '../lib/dates'
import './components.scss'

type ReviewStage = 'review' | 'rereview' | null

// What each clock means to the resident, in the order a case meets them. Once a review (复查)
// has been asked for, the next request window and result are those of the re-review (复核).
const labels = (stage: ReviewStage): [DeadlineKey, string][] => [
  ['respondBy', '专区答复'],
  ['acceptBy', '告知是否受理'],
  ['replyBy', '书面答复'],
  ['reviewRequestBy', stage ? '可申请复核到' : '可申请复查到'],
  ['reviewBy', stage === 'rereview' ? '复核结果' : '复查结果'],
]

const chinaYear = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).getUTCFullYear()

/** The deadline a zone case's answer clock stands for: the hour, or the 3 working days to reply. */
const ZONE_CLOCK_KEY: Record<ZoneClock['triage'], DeadlineKey> = { simple: 'respondBy', complex: 'replyBy' }

/**
 * The case's running clocks in plain words, coloured when near or past due. A date counted into
 * a year whose holidays are not yet published is marked 暂定, with why, so nobody plans on it. A
 * livelihood-zone case leads with its answer clock, 应答复时间, and says which promise it is.
 */
export function DeadlineList({ deadlines, zoneClock = null, reviewStage = null, now = new Date() }: { deadlines: Deadlines; zoneClock?: ZoneClock | null; reviewStage?: ReviewStage; now?: Date }) {
  const zoneKey = zoneClock ? ZONE_CLOCK_KEY[zoneClock.triage] : null
  const rows = labels(reviewStage).flatMap(([key, label]) => {
    const due = deadlines[key]
    if (!due) return []
    const words = deadlineWords(due, now)
    // the hour's clock is told to the minute; a day's date says nothing about it
    const text = key === zoneKey && zoneClock!.triage === 'simple' && words.state !== 'overdue' ? `${formatDateTime(due)}前` : words.text
    const shown = key === zoneKey ? `应答复时间（${zoneClock!.promise}）` : label
    return [{ key, label: shown, provisional: deadlines.provisional.includes(key), year: chinaYear(due), ...words, text }]
  })
  // the zone's answer clock first: it is the promise the resident was given
  rows.sort((a, b) => Number(b.key === zoneKey) - Number(a.key === zoneKey))
  if (rows.length === 0) return null
  const unknownYears = [...new Set(rows.filter((row) => row.provisional).map((row) => row.year))]
  return (
    <View>
      {rows.map((row) => (
        <View key={row.key} className='deadline'>
          <Text className='deadline__label'>{row.label}</Text>
          <Text className={`deadline__text deadline__text--${row.state}`}>{row.text}</Text>
          {row.provisional && <Text className='deadline__provisional'>暂定</Text>}
        </View>
      ))}
      {unknownYears.length > 0 && (
        <Text className='deadline__note'>
          标“暂定”的日期：{unknownYears.join('、')}年的节假日安排还没有公布，暂按周末推算。公布后会重新计算并通知您。
        </Text>
      )}
    </View>
  )
}
