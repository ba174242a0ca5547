import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { unitName } from '@xinfang/shared/catalog'
import { ErrorResponseSchema } from '@xinfang/shared/contracts/common'
import { HeatingWebhookBodySchema, WebhookAnswerSchema, type HeatingOrderStatus, type HeatingWebhookBody } from '@xinfang/shared/contracts/zones'
import { AppError } from '../../lib/app-error'
import { HEATING_HEADERS, heatingSignatureMatches } from '../../integrations/heating-company'
import type { CaseContext } from '../cases/case-context'
import { record } from '../cases/case-record'
import { heatingEvent } from './heating-link'
import { createWebhookReceipts } from './webhook-receipts'

const SOURCE = 'heating'
/** a webhook's timestamp may be this far from our clock, either way; its nonce is kept twice as long */
const MAX_SKEW_MS = 5 * 60_000
const NONCE_PATTERN = /^[A-Za-z0-9]{16,64}$/
const COMPANY = unitName('heating')

/** What each status of a work order means on the case's timeline. */
const UPDATES: Record<HeatingOrderStatus, { action: string; words: string }> = {
  accepted: { action: 'heating_accepted', words: '已接单' },
  on_site: { action: 'heating_on_site', words: '维修人员已上门' },
  fixed: { action: 'heating_fixed', words: '报告已修好' },
  cannot_fix: { action: 'heating_cannot_fix', words: '报告暂时修不了' },
}

interface SignedRequest extends FastifyRequest {
  rawBody?: string
}

const header = (request: FastifyRequest, name: string): string => {
  const value = request.headers[name]
  return typeof value === 'string' ? value : ''
}

/** The signature, the clock and the nonce's form, before the body is even validated: a request that fails them is nobody's. */
function checkSignature(request: SignedRequest, secret: string, now: Date): void {
  const timestamp = header(request, HEATING_HEADERS.timestamp)
  const nonce = header(request, HEATING_HEADERS.nonce)
  const signature = header(request, HEATING_HEADERS.signature)
  if (!/^\d{9,11}$/.test(timestamp) || !NONCE_PATTERN.test(nonce) || !heatingSignatureMatches(secret, { timestamp, nonce, body: request.rawBody ?? '' }, signature)) {
    throw new AppError('WEBHOOK_SIGNATURE_INVALID')
  }
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > MAX_SKEW_MS) throw new AppError('WEBHOOK_STALE')
}

/**
 * One work-order update onto the case's timeline, in one transaction with the nonce and the
 * event id it came with: a replayed request is refused, a repeated event answered as before,
 * and neither writes anything twice.
 */
async function takeUpdate(ctx: CaseContext, body: HeatingWebhookBody, nonce: string) {
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now()
    const receipts = createWebhookReceipts(tx.db, tx.q)
    if (!(await receipts.takeNonce(SOURCE, nonce, now))) throw new AppError('WEBHOOK_REPLAYED')
    await receipts.pruneNonces(new Date(now.getTime() - 2 * MAX_SKEW_MS))
    if (await receipts.seenEvent(SOURCE, body.eventId)) return { code: '0', message: 'ok', duplicate: true }
    const push = await tx.outbound.ofCase('heating', body.externalId)
    // an update may overtake our record of the order number (it answered, then called back at once)
    if (!push || (push.externalRef !== null && push.externalRef !== body.orderNo)) throw new AppError('PUSH_NOT_FOUND')
    const row = await tx.cases.findById(push.caseId)
    if (!row) throw new AppError('PUSH_NOT_FOUND')
    const update = UPDATES[body.status]
    const by = body.technician ? `（维修人员${body.technician.name}）` : ''
    const data = { orderNo: body.orderNo, status: body.status, eventId: body.eventId, reportedAt: body.at, technician: body.technician?.name ?? null }
    await record(tx, row, [heatingEvent(row, update.action, `${COMPANY}${update.words}${by}${body.note ? `：${body.note}` : ''}`, now, data)])
    await receipts.recordEvent(SOURCE, body.eventId, row.id, now)
    return { code: '0', message: 'ok', duplicate: false }
  })
}

/** The heating company's webhook: signed with the shared secret over the exact bytes sent. */
export function heatingWebhookRoutes(ctx: CaseContext, secret: string): FastifyPluginAsyncTypebox {
  return async (fastify) => {
    // the signature covers the bytes as sent, so they are kept beside the parsed body (this plugin's routes only)
    fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      ;(request as SignedRequest).rawBody = body as string
      try {
        done(null, JSON.parse(body as string))
      } catch {
        done(new AppError('INVALID_JSON'), undefined)
      }
    })
    fastify.addHook('preValidation', async (request) => checkSignature(request, secret, ctx.clock.now()))
    fastify.post(
      '/heating/webhook',
      {
        schema: {
          tags: ['zones'],
          summary: '热力公司工单进展回调（HMAC-SHA256 签名，见 docs/integrations.md）',
          body: HeatingWebhookBodySchema,
          response: { 200: WebhookAnswerSchema, 400: ErrorResponseSchema, 401: ErrorResponseSchema, 404: ErrorResponseSchema },
        },
      },
      async (request) => takeUpdate(ctx, request.body, header(request, HEATING_HEADERS.nonce)),
    )
  }
}
