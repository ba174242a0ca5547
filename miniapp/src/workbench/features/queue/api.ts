import type { QueueBucket, WorkbenchSummary, WorkList } from '@xinfang/shared/contracts/workbench'
import { api } from '../../../api/http'

export const PAGE_SIZE = 20

/** Today's figures and the size of each queue, for the staff member's jurisdiction. */
export const getSummary = () => api.get<WorkbenchSummary>('/api/v1/workbench/summary')

/** One page of a queue, most urgent first (the server's order). */
export const listQueue = (bucket: QueueBucket, cursor: string | null) =>
  api.get<WorkList>('/api/v1/workbench/queue', { query: { bucket, cursor, pageSize: PAGE_SIZE } })
