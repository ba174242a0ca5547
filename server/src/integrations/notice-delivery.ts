import { IntegrationError } from './http-client'

/** Residents hear about their own cases; staff about work waiting for them (an SMS template each). */
export type NoticeAudience = 'resident' | 'staff'

/** A change on a case as every notice channel receives it; each adapter shapes it for its platform. */
export interface CaseUpdate {
  audience: NoticeAudience
  trackingNo: string
  /** the case title as the resident wrote it */
  title: string
  /** the status as residents read it, e.g. 办理中; for staff the kind of notice, e.g. 即将超期 */
  statusLabel: string
  /** what just happened, in a few words, e.g. 已受理 */
  headline: string
  /** one plain sentence, e.g. 您的诉求已受理，将在法定期限内答复 */
  message: string
  at: Date
  /** the page showing the case, the same path in the mini-programs and the H5 app */
  page: string
}

/**
 * - `sent`: the platform took the message; `receipt` is its message id where it gives one.
 * - `retry`: not now (network, 5xx, busy, rate limit, our own credentials refused): the same
 *   channel may well take it later.
 * - `refused`: this channel will never deliver this message (the resident did not subscribe,
 *   a bad number, a message the template refuses): try another channel, or give up.
 */
export type DeliveryResult =
  | { outcome: 'sent'; receipt: string | null }
  | { outcome: 'retry'; reason: string }
  | { outcome: 'refused'; reason: string }

export interface NoticeChannel {
  /** `recipient` is whatever the platform addresses people by: an openid, a user id, a phone number. */
  send(recipient: string, update: CaseUpdate): Promise<DeliveryResult>
}

/**
 * What the http client throws (timeout, network, 5xx after retries, an unreadable answer)
 * all means "try later". An unreadable answer may hide a message that did go out; sending
 * it again is the price of never losing one.
 */
export function retryAfterFailure(error: unknown): DeliveryResult {
  if (error instanceof IntegrationError) return { outcome: 'retry', reason: error.message }
  throw error
}

/** At most `max` characters (not UTF-16 units: platforms count characters), an ellipsis marking a cut. */
export function clip(text: string, max: number): string {
  const characters = [...text.trim()]
  return characters.length <= max ? characters.join('') : `${characters.slice(0, max - 1).join('')}…`
}

/** `yyyy-MM-dd HH:mm` in China Standard Time (UTC+8 all year), as residents read times. */
export function chinaMinute(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}
