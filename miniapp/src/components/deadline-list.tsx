import { Text, View } from '@tarojs/components'
import type { Deadlines } from '@xinfang/shared/contracts/cases'
import { deadlineWords } from '../lib/dates'
import './components.scss'

type ReviewStage = 'review' | 'rereview' | null

// What each clock means to the resident, in the order a case meets them. Once a review (复查)
// has been asked for, the next request window and result are those of the re-review (复核).
const labels = (stage: ReviewStage): [keyof Deadlines, string][] => [
  ['respondBy', '专区答复'],
  ['acceptBy', '告知是否受理'],
  ['replyBy', '书面答复'],
  ['reviewRequestBy', stage ? '可申请复核到' : '可申请复查到'],
  ['reviewBy', stage === 'rereview' ? '复核结果' : '复查结果'],
]

/** The case's running clocks in plain words, coloured when near or past due. */
export function DeadlineList({ deadlines, reviewStage = null, now = new Date() }: { deadlines: Deadlines; reviewStage?: ReviewStage; now?: Date }) {
  const rows = labels(reviewStage).flatMap(([key, label]) => {
    const due = deadlines[key]
    return due ? [{ key, label, ...deadlineWords(due, now) }] : []
  })
  if (rows.length === 0) return null
  return (
    <View>
      {rows.map((row) => (
        <View key={row.key} className='deadline'>
          <Text className='deadline__label'>{row.label}</Text>
          <Text className={`deadline__text deadline__text--${row.state}`}>{row.text}</Text>
        </View>
      ))}
    </View>
  )
}
