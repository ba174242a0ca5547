import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createHttpClient, IntegrationError, urlUnder } from './http-client'
import { asJsonObject, textField } from './json-fields'

/**
 * 郑州热力集团's work-order system, as docs/integrations.md describes its wire format: JSON over
 * HTTPS, each request signed with a shared secret, in both directions (our pushes to it, its
 * webhooks to us):
 *
 *   X-RL-App-Key: <the caller's key>      X-RL-Timestamp: <unix seconds>
 *   X-RL-Nonce: <16-64 letters and digits> X-RL-Signature: hex(HMAC-SHA256(secret, `${timestamp}\n${nonce}\n${body}`))
 */
export interface HeatingCompanyOptions {
  /** the company's open API root, or the mocks' /heating */
  baseUrl: string
  appKey: string
  secret: string
  timeoutMs: number
  retries: number
}

/** A heating case as the company's work-order system takes it. */
export interface HeatingWorkOrder {
  /** our case id: the company answers the same order number for the same id, so a retried push never makes two orders */
  externalId: string
  trackingNo: string
  title: string
  content: string
  address: string
  regionCode: string | null
  stationCode: string | null
  indoorTemp: number | null
  since: string | null
  account: string | null
  /** the resident's contact phone, for the technician's call; null when they gave none or filed anonymously */
  contactPhone: string | null
  submittedAt: string
}

export type PushResult = { outcome: 'sent'; externalRef: string } | { outcome: 'retry'; reason: string } | { outcome: 'refused'; reason: string }

export const HEATING_HEADERS = { key: 'x-rl-app-key', timestamp: 'x-rl-timestamp', nonce: 'x-rl-nonce', signature: 'x-rl-signature' } as const

/** The signature over one request's timestamp, nonce and exact body. */
export const heatingSignature = (secret: string, timestamp: string, nonce: string, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${body}`).digest('hex')

/** Whether `signature` is the one `secret` gives these parts; compared in constant time. */
export function heatingSignatureMatches(secret: string, parts: { timestamp: string; nonce: string; body: string }, signature: string): boolean {
  const expected = Buffer.from(heatingSignature(secret, parts.timestamp, parts.nonce, parts.body), 'hex')
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

// the order itself is refused: sending it again unchanged will never succeed
const REFUSALS = new Set(['INVALID_PARAM', 'STATION_UNKNOWN'])

/** The company's work-order API: one call, pushing a heating case as a work order. */
export function createHeatingCompanyClient({ baseUrl, appKey, secret, timeoutMs, retries }: HeatingCompanyOptions) {
  const http = createHttpClient({ platform: 'heating', timeoutMs, retries })
  const ordersUrl = urlUnder(baseUrl, 'openapi/v1/work-orders')
  return {
    async pushWorkOrder(order: HeatingWorkOrder): Promise<PushResult> {
      const timestamp = String(Math.floor(Date.now() / 1000))
      const nonce = randomBytes(16).toString('hex')
      // the http client sends JSON.stringify of the same object: these are the bytes signed
      const signature = heatingSignature(secret, timestamp, nonce, JSON.stringify(order))
      try {
        const { status, body } = await http.request({
          operation: 'openapi/v1/work-orders',
          method: 'POST',
          url: ordersUrl,
          json: order,
          headers: { [HEATING_HEADERS.key]: appKey, [HEATING_HEADERS.timestamp]: timestamp, [HEATING_HEADERS.nonce]: nonce, [HEATING_HEADERS.signature]: signature },
        })
        const answer = asJsonObject(body)
        const code = textField(answer, 'code')
        const orderNo = textField(asJsonObject(answer?.data), 'orderNo')
        if (status === 200 && code === '0' && orderNo) return { outcome: 'sent', externalRef: orderNo }
        const reason = `heating: work order refused with ${status} ${code ?? ''} ${textField(answer, 'message') ?? ''}`.trim()
        // a refused signature or key is ours to fix, and a fix makes the same order go through: later
        return code && REFUSALS.has(code) ? { outcome: 'refused', reason } : { outcome: 'retry', reason }
      } catch (error) {
        if (error instanceof IntegrationError) return { outcome: 'retry', reason: error.message }
        throw error
      }
    },
  }
}

export type HeatingCompanyClient = ReturnType<typeof createHeatingCompanyClient>
