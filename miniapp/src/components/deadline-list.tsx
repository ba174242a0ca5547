import { Text, View } from '@tarojs/components'
import type { DeadlineKey, Deadlines } from '@xinfang/shared/contracts/cases'
import { deadlineWords } from '../lib/dates'
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

/**
 * The case's running clocks in plain words, coloured when near or past due. A date counted into
 * a year whose holidays are not yet published is marked 暂定, with why, so nobody plans on it.
 */
export function DeadlineList({ deadlines, reviewStage = null, now = new Date() }: { deadlines: Deadlines; reviewStage?: ReviewStage; now?: Date }) {
  const rows = labels(reviewStage).flatMap(([key, label]) => {
    const due = deadlines[key]
    return due ? [{ key, label, provisional: deadlines.provisional.includes(key), year: chinaYear(due), ...deadlineWords(due, now) }] : []
  })
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
