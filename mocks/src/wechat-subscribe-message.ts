import { randomInt } from 'node:crypto'

export interface SubscribeRefusal {
  errcode: number
  message: string
}

export interface SubscribeSendRules {
  templateId: string
  /** The keys of that template as the WeChat console lists them, e.g. `thing1`. */
  templateKeys: readonly string[]
  hasOptedOut(openId: string): boolean
}

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal']
const OPENID = /^o[A-Za-z0-9_-]{27}$/
// The formats WeChat lists for a `time` value: 24-hour, with or without seconds, dashes or 年月日.
const TIME_VALUE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日) \d{1,2}:\d{2}(:\d{2})?$/
const HAN_ONLY = /^\p{Script=Han}+$/u
// letters, digits and ASCII symbols; no Chinese, no spaces
const CHARACTER_STRING = /^[\x21-\x7e]+$/

/**
 * Checks a subscribe/send body the way WeChat does and answers with the errcode it would.
 * Value rules per key type are WeChat's published ones: a `thing` at most 20 characters,
 * a `character_string` at most 32 letters, digits or symbols, a `phrase` at most 5 Chinese
 * characters, a `time` in 24-hour form.
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
export function checkSubscribeSend(body: unknown, rules: SubscribeSendRules): SubscribeRefusal | { msgid: number } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { errcode: 47001, message: 'data format error' }
  const message = body as Record<string, unknown>
  const touser = typeof message.touser === 'string' ? message.touser : ''
  if (!OPENID.test(touser)) return { errcode: 40003, message: 'invalid openid' }
  if (message.template_id !== rules.templateId) return { errcode: 40037, message: 'invalid template_id' }
  if (message.miniprogram_state !== undefined && !MINIPROGRAM_STATES.includes(String(message.miniprogram_state))) {
    return { errcode: 47003, message: 'argument invalid! miniprogram_state invalid' }
  }
  if (message.page !== undefined && (typeof message.page !== 'string' || message.page.length > 1024)) {
    return { errcode: 41030, message: 'invalid page' }
  }

  const data = typeof message.data === 'object' && message.data !== null ? (message.data as Record<string, unknown>) : {}
  for (const key of rules.templateKeys) {
    const entry = data[key]
    const value = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).value : undefined
    const problem = typeof value !== 'string' || value === '' ? 'is empty' : valueProblem(key, value)
    if (problem !== null) return { errcode: 47003, message: `argument invalid! data.${key}.value ${problem}` }
  }
  // the user's consent is checked last, as WeChat checks it only for a well-formed message
  if (rules.hasOptedOut(touser)) return { errcode: 43101, message: 'user refuse to accept the msg' }
  return { msgid: randomInt(2 ** 40, 2 ** 47) }
}

function valueProblem(key: string, value: string): string | null {
  const length = [...value].length
  const type = key.replace(/\d+$/, '')
  switch (type) {
    case 'thing':
      return length > 20 ? 'exceeds limit' : null
    case 'character_string':
      return length > 32 ? 'exceeds limit' : CHARACTER_STRING.test(value) ? null : 'invalid'
    case 'phrase':
      return length > 5 ? 'exceeds limit' : HAN_ONLY.test(value) ? null : 'invalid'
    case 'time':
      return TIME_VALUE.test(value) ? null : 'invalid'
    default:
      return 'invalid'
  }
}
