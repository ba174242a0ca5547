import type { ZoneCode } from '@xinfang/shared/catalog'
import type { QueueBucket, WorkbenchSummary, WorkList } from '@xinfang/shared/contracts/workbench'
import type { ZoneStats } from '@xinfang/shared/contracts/zones'
import { api } from '../../../api/http'

export const PAGE_SIZE = 20

/** Today's figures and the size of each queue, for the staff member's jurisdiction. */
export const getSummary = () => api.get<WorkbenchSummary>('/api/v1/workbench/summary')

/** One page of a queue, most urgent first (the server's order). */
export const listQueue = (bucket: QueueBucket, cursor: string | null) =>
  api.get<WorkList>('/api/v1/workbench/queue', { query: { bucket, cursor, pageSize: PAGE_SIZE } })

/** One zone's figures over the last 30 days, for what this staff member may see. */
export const getZoneStats = (zone: ZoneCode) => api.get<ZoneStats>(`/api/v1/zones/${zone}/stats`)
