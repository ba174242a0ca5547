import type { CaseDetail, InfoBody, RatingBody, ReviewRequestBody } from '@xinfang/shared/contracts/cases'
import { api } from '../../api/http'

export const getCase = (id: string) => api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`)

/** Rating and review answer with the case as it now stands. The key makes a double tap harmless. */
export const rateCase = (id: string, body: RatingBody, idempotencyKey: string) =>
  api.post<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}/rating`, body, { headers: { 'Idempotency-Key': idempotencyKey } })

/** Asks for a review (复查); the server makes it a re-review (复核) when the review is already decided. */
export const requestReview = (id: string, body: ReviewRequestBody, idempotencyKey: string) =>
  api.post<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}/review-request`, body, { headers: { 'Idempotency-Key': idempotencyKey } })

/** The resident's answer to a request for more information (请您补充材料). */
export const provideInfo = (id: string, body: InfoBody, idempotencyKey: string) =>
  api.post<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}/info`, body, { headers: { 'Idempotency-Key': idempotencyKey } })

/** Signed file URLs come relative to the API; mini-programs need them absolute. */
export const fileUrl = (url: string) => api.url(url)
