import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { WorkItem } from '@xinfang/shared/contracts/workbench'
import { OutcomeChip, StatusChip } from '../../components/status-chip'
import { deadlineWords } from '../../lib/dates'
import { navigateTo } from '../../routes'
import './workbench.scss'

/** The clock the staff member is working against, coloured by the server's deadline state. */
function DueLine({ item }: { item: WorkItem }) {
  if (!item.dueAt) return null
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
