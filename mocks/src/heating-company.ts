import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { BusyAnswer } from './platform-scope'
import { keepRawJson } from './raw-json'

export interface HeatingMockOptions {
  /** the key and secret the platform was given to push work orders with */
  appKey: string
  appSecret: string
  /** the secret the company signs its webhooks with */
  webhookSecret: string
  /** where the company calls back; set here or later through /__mocks/heating/webhook */
  webhookUrl: string | null
}

export const HEATING_STATUSES = ['accepted', 'on_site', 'fixed', 'cannot_fix'] as const
export type HeatingStatus = (typeof HEATING_STATUSES)[number]

interface Order {
  orderNo: string
  externalId: string
  receivedAt: string
  body: Record<string, unknown>
  events: { eventId: string; status: HeatingStatus; sentAt: string; answer: number | null; answeredAt: string | null }[]
}

const MAX_CLOCK_SKEW_MS = 5 * 60_000
const sign = (secret: string, timestamp: string, nonce: string, body: string) => createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${body}`).digest('hex')

/**
 * 郑州热力集团's work-order system as docs/integrations.md describes it: signed work orders in,
 * one order per external id however often it is pushed, and signed status webhooks out. Its
 * dispatcher (a test, the bench, a person at /__mocks) moves an order on; `autoAccept` has it
 * accept each new order at once, as the company's night shift does.
 */
export class HeatingCompany {
  readonly orders = new Map<string, Order>()
  readonly #byOrderNo = new Map<string, Order>()
  readonly #seenNonces = new Map<string, number>()
  #sequence = 0
  autoAccept = false

  constructor(readonly options: HeatingMockOptions) {}

  /** The signed headers of one request from `secret` over `body`. */
  static headers(appKey: string, secret: string, body: string): Record<string, string> {
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = randomBytes(16).toString('hex')
    return { 'content-type': 'application/json', 'x-rl-app-key': appKey, 'x-rl-timestamp': timestamp, 'x-rl-nonce': nonce, 'x-rl-signature': sign(secret, timestamp, nonce, body) }
  }

  /** Why a signed request is refused, or null when it is good. */
  refusal(request: FastifyRequest, rawBody: string): string | null {
    const header = (name: string) => (typeof request.headers[name] === 'string' ? (request.headers[name] as string) : '')
    const timestamp = header('x-rl-timestamp')
    const nonce = header('x-rl-nonce')
    if (header('x-rl-app-key') !== this.options.appKey) return 'unknown app key'
    if (!/^\d{9,11}$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp) * 1000) > MAX_CLOCK_SKEW_MS) return 'timestamp missing or more than 5 minutes off'
    const expected = Buffer.from(sign(this.options.appSecret, timestamp, nonce, rawBody), 'hex')
    const given = Buffer.from(/^[0-9a-f]{64}$/.test(header('x-rl-signature')) ? header('x-rl-signature') : '', 'hex')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature does not match'
    const now = Date.now()
    for (const [seen, at] of this.#seenNonces) if (now - at > 2 * MAX_CLOCK_SKEW_MS) this.#seenNonces.delete(seen)
    if (!/^[A-Za-z0-9]{16,64}$/.test(nonce) || this.#seenNonces.has(nonce)) return 'nonce missing or used before'
    this.#seenNonces.set(nonce, now)
    return null
  }

  /** The order for this external id: made on its first push, the same one after. */
  take(body: Record<string, unknown>): Order {
    const externalId = String(body.externalId)
    const known = this.orders.get(externalId)
    if (known) return known
    this.#sequence += 1
    const order: Order = { orderNo: `RL${new Date().toISOString().slice(0, 10).replaceAll('-', '')}${String(this.#sequence).padStart(6, '0')}`, externalId, receivedAt: new Date().toISOString(), body, events: [] }
    this.orders.set(externalId, order)
    this.#byOrderNo.set(order.orderNo, order)
    return order
  }

  byOrderNo(orderNo: string): Order | undefined {
    return this.#byOrderNo.get(orderNo)
  }

  /** Moves an order on and tells the platform by signed webhook; returns the platform's answer. */
  async report(order: Order, status: HeatingStatus, extra: { note?: string; technician?: { name: string }; eventId?: string } = {}): Promise<{ status: number; body: unknown }> {
    if (!this.options.webhookUrl) throw new Error('no webhook URL registered with the heating company')
    const eventId = extra.eventId ?? `ev-${order.orderNo}-${order.events.length + 1}`
    const event = { eventId, status, sentAt: new Date().toISOString(), answer: null as number | null, answeredAt: null as string | null }
    order.events.push(event)
    const body = JSON.stringify({ eventId, orderNo: order.orderNo, externalId: order.externalId, status, at: event.sentAt, ...(extra.note ? { note: extra.note } : {}), ...(extra.technician ? { technician: extra.technician } : {}) })
    const response = await fetch(this.options.webhookUrl, { method: 'POST', headers: HeatingCompany.headers('zzrl', this.options.webhookSecret, body), body })
    event.answer = response.status
    event.answeredAt = new Date().toISOString()
    return { status: response.status, body: await response.json().catch(() => null) }
  }
}

const REQUIRED_TEXT = ['externalId', 'trackingNo', 'content', 'address'] as const

export const heatingBusyAnswer: BusyAnswer = (_request, reply) => reply.code(503).send({ code: 'SYSTEM_BUSY', message: '系统繁忙，请稍后重试' })

/** The company's open API under /heating. */
export function heatingRoutes(company: HeatingCompany): FastifyPluginAsync {
  return async (app) => {
    const rawBody = keepRawJson(app)

    app.post('/openapi/v1/work-orders', async (request, reply) => {
      const refusal = company.refusal(request, rawBody(request))
      if (refusal) return reply.code(401).send({ code: 'AUTH_FAILED', message: refusal })
      const body = (request.body ?? {}) as Record<string, unknown>
      const missing = REQUIRED_TEXT.filter((key) => typeof body[key] !== 'string' || (body[key] as string).trim() === '')
      if (missing.length > 0) return reply.code(400).send({ code: 'INVALID_PARAM', message: `missing ${missing.join(', ')}` })
      const order = company.take(body)
      if (company.autoAccept && order.events.length === 0 && company.options.webhookUrl) {
        // after the answer, as the company's dispatcher would: the order exists before it is accepted
        reply.raw.once('finish', () => void company.report(order, 'accepted', { technician: { name: '王师傅' } }).catch(() => undefined))
      }
      return { code: '0', message: 'ok', data: { orderNo: order.orderNo, status: 'received' } }
    })
  }
}
