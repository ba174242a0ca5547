import type { TrackResult } from '@xinfang/shared/contracts/cases'
import { api } from '../../api/http'

/** Public progress by tracking number, no login. */
export const trackCase = (trackingNo: string) =>
  api.get<TrackResult>(`/api/v1/track/${encodeURIComponent(trackingNo)}`, { auth: false })
