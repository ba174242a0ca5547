import { create } from 'zustand'
import type { QueueBucket } from '@xinfang/shared/contracts/workbench'

interface QueueState {
  /** the queue tab on the home page; kept while the staff member goes to 搜索 and back */
  bucket: QueueBucket
  showBucket: (bucket: QueueBucket) => void
}

export const useQueueStore = create<QueueState>()((set) => ({
  bucket: 'to_accept',
  showBucket: (bucket) => set({ bucket }),
}))
