import fp from 'fastify-plugin'
import type { FastifyError } from 'fastify'
import { ERRORS, type ErrorCode } from '@xinfang/shared/errors'
import { describeIssue, fieldOf, type SchemaIssue } from '@xinfang/shared/validation-messages'
import { AppError } from '../lib/app-error'

/** Fastify's and its plugins' own 4xx codes, mapped to ours. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_REQ_FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_PARTS_LIMIT: 'BODY_TOO_LARGE',
  FST_FILES_LIMIT: 'BODY_TOO_LARGE',
  FST_FIELDS_LIMIT: 'BODY_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_PROTO_VIOLATION: 'INVALID_JSON',
}

const BY_STATUS: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
}

function fromValidation(error: FastifyError): AppError {
  const issues = (error.validation ?? []) as unknown as SchemaIssue[]
  const details = issues.map((issue) => ({ field: fieldOf(issue), reason: describeIssue(issue) }))
  return new AppError('VALIDATION_FAILED', details[0]?.reason ?? ERRORS.VALIDATION_FAILED.message, details)
}

function toAppError(error: FastifyError): AppError | null {
  if (error instanceof AppError) return error
  if (error.validation) return fromValidation(error)
  const mapped = error.code ? FRAMEWORK_CODES[error.code] : undefined
  if (mapped) return new AppError(mapped)
  const status = error.statusCode ?? 500
  if (status >= 500) return null
  if (error instanceof SyntaxError) return new AppError('INVALID_JSON')
  return new AppError(BY_STATUS[status] ?? 'VALIDATION_FAILED')
}

/**
 * One place answers every error: `{ code, message }` with a stable code and a message in
 * plain Chinese. A 5xx is logged with its context and answered generically, so nothing
 * internal reaches a client.
 */
export default fp(
  async (fastify) => {
    fastify.setErrorHandler((error: FastifyError, request, reply) => {
      const appError = toAppError(error)
      if (!appError) {
        request.log.error({ err: error, url: request.url, method: request.method }, 'request failed')
        return reply.status(500).send({ code: 'INTERNAL', message: ERRORS.INTERNAL.message })
      }
      if (appError.statusCode === 429) reply.header('retry-after', Math.ceil(fastify.config.rateLimit.windowMs / 1000))
      return reply.status(appError.statusCode).send({ code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) })
    })
    fastify.setNotFoundHandler((_request, reply) => reply.status(404).send({ code: 'ROUTE_NOT_FOUND', message: ERRORS.ROUTE_NOT_FOUND.message }))
  },
  { name: 'error-handler' },
)
