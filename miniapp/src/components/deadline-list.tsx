import { Text, View } from '@tarojs/components'
import type { Deadlines } from '@xinfang/shared/contracts/cases'
import { deadlineWords } from '../lib/dates'
import './components.scss'

// What each clock means to the resident, in the order a case meets them.
const LABELS: [keyof Deadlines, string][] = [
  ['respondBy', '专区答复'],
  ['acceptBy', '告知是否受理'],
  ['replyBy', '书面答复'],
  ['reviewRequestBy', '可申请复查到'],
  ['reviewBy', '复查结果'],
]

/** The case's running clocks in plain words, coloured when near or past due. */
export function DeadlineList({ deadlines, now = new Date() }: { deadlines: Deadlines; now?: Date }) {
  const rows = LABELS.flatMap(([key, label]) => {
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
