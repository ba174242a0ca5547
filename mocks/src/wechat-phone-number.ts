import { devPhoneNumber, parseDevPhoneCode } from './dev-identities'
import { wechatError, type WechatError } from './wechat-errors'

// A mock left running for a day of manual testing should not grow without bound.
const MAX_SPENT_CODES = 10_000

/**
 * Phone-number codes from the getPhoneNumber button, which WeChat takes once each (and for
 * five minutes; the mock does not expire them). Only `dev-phone:<name>[:<anything>]` exist here.
 */
export class PhoneCodes {
  readonly #spent = new Set<string>()

  /** The user behind an unspent code, spending it; null for a spent or unknown code. */
  redeem(code: string): string | null {
    const name = parseDevPhoneCode(code)
    if (name === null || this.#spent.has(code)) return null
    this.#spent.add(code)
    if (this.#spent.size > MAX_SPENT_CODES) this.#spent.delete(this.#spent.values().next().value ?? '')
    return name
  }
}

/**
 * getuserphonenumber: the number the resident chose to share, with a watermark naming the app.
 * A mainland number comes as 11 digits in both fields, with country code 86.
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html
 */
export function answerPhoneNumber(body: unknown, appId: string, codes: PhoneCodes): WechatError | Record<string, unknown> {
  const code = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).code : undefined
  if (typeof code !== 'string' || code === '') return wechatError(47001, 'data format error: code')
  // WeChat gives the same answer for a made-up code and a spent one
  const name = codes.redeem(code)
  if (name === null) return wechatError(40029, 'invalid code')
  const phone = devPhoneNumber(name)
  return {
    errcode: 0,
    errmsg: 'ok',
    phone_info: {
      phoneNumber: phone,
      purePhoneNumber: phone,
      countryCode: '86',
      watermark: { timestamp: Math.floor(Date.now() / 1000), appid: appId },
    },
  }
}
