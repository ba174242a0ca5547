import { Text, View } from '@tarojs/components'
import type { TimelineEntry } from '@xinfang/shared/contracts/cases'
import { formatDateTime } from '../lib/dates'
import './timeline.scss'

export interface TimelineItem {
  key: string | number
  at: string
  /** what happened, in residents' words */
  title: string
  /** who did it */
  by: string
  note?: string | null
}

/** Vertical steps, newest first: who did what, when. Entries at the same moment keep the API's order. */
export function Timeline({ items }: { items: TimelineItem[] }) {
  const newestFirst = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Date.parse(b.item.at) - Date.parse(a.item.at) || b.index - a.index)
    .map(({ item }) => item)
  return (
    <View className='timeline'>
      {newestFirst.map((item, i) => (
        <View key={item.key} className={i === 0 ? 'timeline__item timeline__item--latest' : 'timeline__item'}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__title'>{item.title}</Text>
            <Text className='muted'>
              {item.by} · {formatDateTime(item.at)}
            </Text>
            {item.note && <Text className='timeline__note'>{item.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}

/** A case's timeline as the API sends it: each entry's label, who did it, and their note. */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  return <Timeline items={entries.map((e) => ({ key: e.id, at: e.at, title: e.label, by: e.actor.label, note: e.note }))} />
}
