import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import type { WorkItem } from '@xinfang/shared/contracts/workbench'
import { OutcomeChip, StatusChip } from '../../components/status-chip'
import { deadlineWords } from '../../lib/dates'
import { navigateTo } from '../../routes'
import './workbench.scss'

const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

/** Now, again every half minute: a countdown that moves while the list is on screen. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!ticking) return
    const timer = setInterval(() => setNow(Date.now()), MINUTE_MS / 2)
    return () => clearInterval(timer)
  }, [ticking])
  return now
}

/** A zone case due within the hour (a simple question's clock, or the end of a complex one's): the minutes left, counting down. */
function Countdown({ dueAt }: { dueAt: string }) {
  const left = Date.parse(dueAt) - useNow(true)
  if (left <= 0) return <Text className='wb-item__due wb-due--overdue'>应答复 · 已超时 {Math.ceil(-left / MINUTE_MS)} 分钟</Text>
  return <Text className='wb-item__due wb-due--due_soon'>应答复 · 还剩 {Math.ceil(left / MINUTE_MS)} 分钟</Text>
}

/** The clock the staff member is working against, coloured by the server's deadline state. */
function DueLine({ item }: { item: WorkItem }) {
  if (!item.dueAt) return null
  // an hour's clock is told in minutes; a day's date says nothing about it
  if (item.zone && Math.abs(Date.parse(item.dueAt) - Date.now()) < HOUR_MS) return <Countdown dueAt={item.dueAt} />
  const words = deadlineWords(item.dueAt)
  const state = item.deadlineState ?? words.state
  return <Text className={`wb-item__due wb-due--${state}`}>{state === 'overdue' ? `已超期 · ${words.text}` : `办理期限：${words.text}`}</Text>
}

/** Work items: what a case is, where it stands, who holds it and when it is due. */
export function WorkList({ items }: { items: WorkItem[] }) {
  return (
    <View>
      {items.map((item) => (
        <View key={item.id} className='card wb-item' hoverClass='wb-item--pressed' onClick={() => void navigateTo('workbenchCase', { id: item.id })}>
          <View className='row'>
            <StatusChip status={item.status} />
            <OutcomeChip label={item.outcomeLabel} />
            <View className='spacer' />
            <Text className='muted'>{item.trackingNo}</Text>
          </View>
          <Text className='wb-item__title'>{item.title}</Text>
          {item.holders.length > 0 && <Text className='muted line'>承办：{item.holders.join('、')}</Text>}
          <DueLine item={item} />
        </View>
      ))}
    </View>
  )
}

/** Under a list: 加载更多 while there is a next page (reaching the bottom loads it too), else the end. */
export function ListFoot({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  return (
    <View className='wb-list-foot'>
      {hasMore ? (
        <Button fill='none' loading={loading} onClick={onMore}>
          加载更多
        </Button>
      ) : (
        <Text className='muted'>没有更多了</Text>
      )}
    </View>
  )
}
