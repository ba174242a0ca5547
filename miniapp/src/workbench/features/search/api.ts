import type { SearchResult } from '@xinfang/shared/contracts/workbench'
import { api } from '../../../api/http'

/** One box: the server tells a tracking number, a phone number and a keyword apart. */
export const searchCases = (q: string, cursor: string | null) =>
  api.get<SearchResult>('/api/v1/workbench/search', { query: { q, cursor, pageSize: 20 } })
