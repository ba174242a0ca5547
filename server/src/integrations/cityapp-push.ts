import { createHmac, randomBytes } from 'node:crypto'
import { createHttpClient, urlUnder } from './http-client'
import { asJsonObject, textField } from './json-fields'
import { clip, retryAfterFailure, type NoticeChannel } from './notice-delivery'

export interface CityAppPushOptions {
  /** The city app's API, or the mocks' /cityapp; the push service is under push/v1 */
  baseUrl: string
  clientId: string
  clientSecret: string
  timeoutMs: number
  retries: number
}

// The user is unknown to the city app, or has turned our notifications off, or the message
// itself is refused: never through this channel.
const REFUSALS = new Set(['user_not_found', 'push_disabled', 'invalid_request'])

/**
 * A push to the resident in the city super-app. Like the ticket exchange it follows the
 * contract in mocks/README.md: each request signed with the client secret, HMAC-SHA256 over
 * `timestamp \n nonce \n body`, so there is no token to fetch and cache per push.
 */
export function createCityAppPushClient({ baseUrl, clientId, clientSecret, timeoutMs, retries }: CityAppPushOptions): NoticeChannel {
  const http = createHttpClient({ platform: 'cityapp', timeoutMs, retries })
  const messagesUrl = urlUnder(baseUrl, 'push/v1/messages')

  return {
    async send(subject, update) {
      const message = {
        userId: subject,
        title: clip(`诉求进度：${update.headline}`, 32),
        body: clip(`${update.message}（编号${update.trackingNo}，${update.title}）`, 200),
        link: update.page,
      }
      const timestamp = String(Date.now())
      const nonce = randomBytes(16).toString('hex')
      // the http client sends JSON.stringify of the same object: these are the bytes signed
      const signature = createHmac('sha256', clientSecret).update(`${timestamp}\n${nonce}\n${JSON.stringify(message)}`).digest('base64')
      try {
        const { status, body } = await http.request({
          operation: 'push/v1/messages',
          method: 'POST',
          url: messagesUrl,
          json: message,
          headers: { 'x-cityapp-client-id': clientId, 'x-cityapp-timestamp': timestamp, 'x-cityapp-nonce': nonce, 'x-cityapp-signature': signature },
        })
        const answer = asJsonObject(body)
        if (status === 200 || status === 202) return { outcome: 'sent', receipt: textField(answer, 'messageId') ?? null }
        const error = textField(answer, 'error') ?? `HTTP ${status}`
        const reason = `cityapp: push refused with ${status} ${error}`
        // a refused signature, client or clock is ours to fix, not the resident's: later
        return REFUSALS.has(error) ? { outcome: 'refused', reason } : { outcome: 'retry', reason }
      } catch (error) {
        return retryAfterFailure(error)
      }
    },
  }
}
