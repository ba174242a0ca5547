import { Text, View } from '@tarojs/components'
import type { WorkbenchSummary } from '@xinfang/shared/contracts/workbench'
import { QUEUE_BUCKETS, type QueueBucket } from '@xinfang/shared/workbench'
import './queue.scss'

const TABS = (Object.keys(QUEUE_BUCKETS) as QueueBucket[]).map((bucket) => ({ bucket, label: QUEUE_BUCKETS[bucket] }))

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
