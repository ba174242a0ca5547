import type { CaseList } from '@xinfang/shared/contracts/cases'
import { api } from '../../api/http'

export const PAGE_SIZE = 20

/** The signed-in resident's own cases, newest first, one page per cursor. */
export const listMyCases = (cursor?: string | null) =>
  api.get<CaseList>('/api/v1/cases', { query: { mine: '1', pageSize: PAGE_SIZE, cursor } })
