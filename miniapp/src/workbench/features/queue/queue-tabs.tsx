import { Text, View } from '@tarojs/components'
import type { QueueBucket, WorkbenchSummary } from '@xinfang/shared/contracts/workbench'
import './queue.scss'

// The same words as QUEUE_BUCKETS in shared/contracts/workbench.ts. Importing that constant would
// run the TypeBox schemas of that module at load and ship TypeBox (~50 KB) in the workbench.
const TABS: { bucket: QueueBucket; label: string }[] = [
  { bucket: 'to_accept', label: '待受理' },
  { bucket: 'to_handle', label: '待办理' },
  { bucket: 'due_soon', label: '即将超期' },
  { bucket: 'overdue', label: '已超期' },
]

/** The four queues with their counts; 即将超期 is yellow and 已超期 red, as on the deadlines. */
export function QueueTabs({ current, counts, onPick }: { current: QueueBucket; counts: WorkbenchSummary['counts'] | null; onPick: (bucket: QueueBucket) => void }) {
  return (
    <View className='wb-queues'>
      {TABS.map((tab) => (
        <View
          key={tab.bucket}
          className={`wb-queue wb-queue--${tab.bucket} ${tab.bucket === current ? 'wb-queue--on' : ''}`}
          onClick={() => onPick(tab.bucket)}
        >
          <Text className='wb-queue__count'>{counts ? counts[tab.bucket] : '…'}</Text>
          <Text className='wb-queue__label'>{tab.label}</Text>
        </View>
      ))}
    </View>
  )
}
