import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import type { OptOuts } from './opt-outs'
import type { BusyAnswer } from './platform-scope'
import { keepRawJson } from './raw-json'

export interface CityAppPushOptions {
  clientId: string
  clientSecret: string
}

// A signed request is good for five minutes either way, and each nonce only once within that.
const MAX_CLOCK_SKEW_MS = 5 * 60_000
const SUBJECT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const MAX_TITLE_LENGTH = 32
const MAX_BODY_LENGTH = 200

/**
 * The city app's push service under /cityapp/push/v1: a message to one resident, shown in
 * the app's message centre and as a system notification. Requests are signed with the
 * client secret (HMAC-SHA256 over `timestamp \n nonce \n raw body`), so no token round trip
 * is needed per push; the contract is in mocks/README.md.
 */
export function cityAppPushRoutes(options: CityAppPushOptions, optOuts: OptOuts): FastifyPluginAsync {
  const seenNonces = new Map<string, number>()

  return async (app) => {
    // the signature covers the body's exact bytes, so they are kept beside the parsed JSON
    const rawBody = keepRawJson(app)

    app.post('/messages', async (request, reply) => {
      const header = (name: string) => {
        const value = request.headers[name]
        return typeof value === 'string' ? value : ''
      }
      const timestamp = Number(header('x-cityapp-timestamp'))
      const nonce = header('x-cityapp-nonce')
      if (header('x-cityapp-client-id') !== options.clientId) return reply.code(401).send(pushError('invalid_client', 'unknown client id'))
      if (!Number.isSafeInteger(timestamp) || Math.abs(timestamp - Date.now()) > MAX_CLOCK_SKEW_MS) {
        return reply.code(401).send(pushError('invalid_timestamp', 'timestamp missing or more than 5 minutes off'))
      }
      if (nonce.length < 16 || nonce.length > 64) return reply.code(401).send(pushError('invalid_nonce', 'nonce must be 16 to 64 characters'))
      const expected = createHmac('sha256', options.clientSecret).update(`${timestamp}\n${nonce}\n${rawBody(request)}`).digest()
      const given = Buffer.from(header('x-cityapp-signature'), 'base64')
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return reply.code(401).send(pushError('invalid_signature', 'signature does not match'))
      }
      forgetOldNonces(seenNonces)
      if (seenNonces.has(nonce)) return reply.code(401).send(pushError('replayed_nonce', 'nonce already used'))
      seenNonces.set(nonce, Date.now())

      const message = request.body as Record<string, unknown> | undefined
      const userId = typeof message?.userId === 'string' ? message.userId : ''
      const title = typeof message?.title === 'string' ? message.title : ''
      const body = typeof message?.body === 'string' ? message.body : ''
      if (title === '' || [...title].length > MAX_TITLE_LENGTH || body === '' || [...body].length > MAX_BODY_LENGTH) {
        return reply.code(400).send(pushError('invalid_request', `title (1-${MAX_TITLE_LENGTH}) and body (1-${MAX_BODY_LENGTH}) are required`))
      }
      if (message?.link !== undefined && typeof message.link !== 'string') return reply.code(400).send(pushError('invalid_request', 'link must be a string'))
      if (!SUBJECT.test(userId)) return reply.code(404).send(pushError('user_not_found', 'no such user'))
      if (optOuts.has('cityapp', userId)) return reply.code(403).send(pushError('push_disabled', 'the user has turned off notifications from this service'))
      return reply.code(202).send({ messageId: randomUUID(), status: 'accepted' })
    })
  }
}

/** 429 with Retry-After: the push service's rate limit, the same for the account service. */
export const cityAppBusyAnswer: BusyAnswer = (_request, reply) =>
  reply.code(429).header('retry-after', '1').send(pushError('rate_limited', 'too many requests, retry later'))

function forgetOldNonces(seen: Map<string, number>): void {
  const cutoff = Date.now() - 2 * MAX_CLOCK_SKEW_MS
  for (const [nonce, at] of seen) {
    if (at >= cutoff) break
    seen.delete(nonce)
  }
}

function pushError(error: string, description: string) {
  return { error, error_description: description }
}
