import { randomBytes } from 'node:crypto'
import { stringField } from './request-fields'
import { wechatError, type WechatError } from './wechat-errors'

export type TokenCheck = 'valid' | 'expired' | 'unknown'

// What WeChat promises: 7200 seconds.
export const ACCESS_TOKEN_TTL_SECONDS = 7200

/**
 * The access tokens `GET /cgi-bin/token` has handed out. A new token leaves older ones
 * valid until they expire (WeChat keeps the old one working for a few minutes; the mock
 * is more lenient), and `clear` forgets them all, as when the app secret is reset, so
 * tests can watch an adapter refresh its cached token on 40001.
 */
export class AccessTokens {
  readonly #expiresAt = new Map<string, number>()

  issue(now = Date.now()): { token: string; expiresIn: number } {
    // real tokens are 150-odd characters of [A-Za-z0-9_-]
    const token = randomBytes(120).toString('base64url')
    this.#expiresAt.set(token, now + ACCESS_TOKEN_TTL_SECONDS * 1000)
    return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS }
  }

  check(token: string, now = Date.now()): TokenCheck {
    const expiresAt = this.#expiresAt.get(token)
    if (expiresAt === undefined) return 'unknown'
    return expiresAt > now ? 'valid' : 'expired'
  }

  clear(): void {
    this.#expiresAt.clear()
  }
}

/** WeChat's answer to a call whose `access_token` is missing, unknown or expired; null for a good one. */
export function accessTokenRefusal(tokens: AccessTokens, query: unknown): WechatError | null {
  const token = stringField(query, 'access_token')
  if (!token) return wechatError(41001, 'access_token missing')
  const check = tokens.check(token)
  if (check === 'unknown') return wechatError(40001, 'invalid credential, access_token is invalid or not latest')
  if (check === 'expired') return wechatError(42001, 'access_token expired')
  return null
}
