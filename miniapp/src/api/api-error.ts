import type { ErrorResponse } from '@xinfang/shared/contracts/common'
import { ERRORS } from '@xinfang/shared/errors'

export const NETWORK_ERROR_MESSAGE = '网络不太好，请检查网络后重试'

/**
 * Every failure a page sees: the API's own `{ code, message }` (message already in plain
 * Chinese), or `NETWORK` when no answer came back. Pages show `message` as it is.
 */
export class ApiError extends Error implements ErrorResponse {
  readonly code: string
  readonly status: number
  readonly details: ErrorResponse['details']

  constructor(code: string, message: string, status = 0, details?: ErrorResponse['details']) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.details = details
  }
}

export const networkError = () => new ApiError('NETWORK', NETWORK_ERROR_MESSAGE)

const isErrorBody = (value: unknown): value is ErrorResponse =>
  typeof value === 'object' && value !== null &&
  typeof (value as ErrorResponse).code === 'string' && typeof (value as ErrorResponse).message === 'string'

/** Some platforms hand back the body as text (uploads always do): parse it when it is JSON. */
export const parseBody = (data: unknown): unknown => {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return data
  }
}

/** An error answer as the API sent it, or a generic one for a proxy's HTML page or an empty body. */
export const errorFromResponse = (status: number, data: unknown): ApiError => {
  const body = parseBody(data)
  if (isErrorBody(body)) return new ApiError(body.code, body.message, status, body.details)
  if (status === 429) return new ApiError('RATE_LIMITED', ERRORS.RATE_LIMITED.message, status)
  if (status === 401) return new ApiError('UNAUTHENTICATED', ERRORS.UNAUTHENTICATED.message, status)
  if (status === 404) return new ApiError('ROUTE_NOT_FOUND', ERRORS.ROUTE_NOT_FOUND.message, status)
  return new ApiError('INTERNAL', ERRORS.INTERNAL.message, status)
}

/** A message for anything caught around an API call, so a page never shows an English stack. */
export const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : ERRORS.INTERNAL.message
