import { ERRORS, type ErrorCode } from '@xinfang/shared/errors'

/**
 * A failure we expect and can explain to the resident. The error handler turns it into
 * `{ code, message }` with the status from the shared error catalog.
 */
export class AppError extends Error {
  readonly statusCode: number
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: { field: string; reason: string }[],
  ) {
    super(message ?? ERRORS[code].message)
    this.statusCode = ERRORS[code].status
  }
}
