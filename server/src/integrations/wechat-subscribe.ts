import { createHttpClient, IntegrationError, urlUnder, type IntegrationErrorKind } from './http-client'
import { asJsonObject, textField } from './json-fields'
import { chinaMinute, clip, retryAfterFailure, type CaseUpdate, type DeliveryResult, type NoticeChannel } from './notice-delivery'

export type MiniprogramState = 'developer' | 'trial' | 'formal'

export interface WechatSubscribeOptions {
  /** https://api.weixin.qq.com, or the mocks' /wechat */
  baseUrl: string
  appId: string
  appSecret: string
  /** the 案件进度提醒 subscription template picked in the console */
  templateId: string
  /** which build of the mini-program a tap on the message opens */
  miniprogramState: MiniprogramState
  timeoutMs: number
  retries: number
  /** for the token cache; the token's lifetime is WeChat's, in real time */
  now?: () => number
}

interface WechatAnswer {
  errcode: number
  errmsg: string
  body: Record<string, unknown>
}

// Renew a few minutes early, so a token never expires between our check and WeChat's.
const TOKEN_RENEW_MARGIN_MS = 5 * 60_000
// The token went stale (another server fetched a new one, the secret was reset): fetch anew once.
const STALE_TOKEN_ERRORS = new Set([40001, 40014, 42001])
// This message can never go to this user: no subscription (43101), not our user's openid
// (40003), values or template the platform refuses (47003, 40037, 41030).
const REFUSALS = new Set([43101, 40003, 47003, 40037, 41030])

/**
 * WeChat subscription messages (一次性订阅消息): an access token from cgi-bin/token,
 * cached until shortly before it expires, then subscribe/send to the resident's openid.
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getAccessToken.html
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
export function createWechatSubscribeClient(options: WechatSubscribeOptions): NoticeChannel {
  const { appId, appSecret, templateId, miniprogramState, timeoutMs, retries, now = Date.now } = options
  const http = createHttpClient({ platform: 'wechat', timeoutMs, retries })
  const tokenUrl = urlUnder(options.baseUrl, 'cgi-bin/token')
  const sendUrl = urlUnder(options.baseUrl, 'cgi-bin/message/subscribe/send')
  let cached: { token: string; renewAt: number } | null = null
  // one fetch shared by every send that finds the cache empty at the same moment
  let fetching: Promise<string> | null = null

  async function fetchToken(): Promise<string> {
    const answer = await call('cgi-bin/token', { method: 'GET', url: tokenUrl, query: { grant_type: 'client_credential', appid: appId, secret: appSecret } })
    // a refused app id or secret is ours to fix, never the resident's: retry until someone does
    if (answer.errcode !== 0) throw fail('unavailable', `cgi-bin/token: refused with ${answer.errcode} ${answer.errmsg}`, { errcode: answer.errcode })
    const token = textField(answer.body, 'access_token')
    const expiresIn = answer.body.expires_in
    if (token === undefined || typeof expiresIn !== 'number') throw fail('bad_response', 'cgi-bin/token: answer without access_token or expires_in')
    cached = { token, renewAt: now() + Math.max(expiresIn * 1000 - TOKEN_RENEW_MARGIN_MS, 0) }
    return token
  }

  function accessToken(): Promise<string> {
    if (cached !== null && cached.renewAt > now()) return Promise.resolve(cached.token)
    fetching ??= fetchToken().finally(() => {
      fetching = null
    })
    return fetching
  }

  async function call(operation: string, request: { method: 'GET' | 'POST'; url: URL; query: Record<string, string>; json?: unknown }): Promise<WechatAnswer> {
    const { status, body } = await http.request({ operation, ...request })
    const answer = asJsonObject(body)
    // WeChat answers errors with HTTP 200 as well, so any other status means we are not talking to WeChat
    if (status !== 200 || answer === null) throw fail('bad_response', `${operation}: unexpected HTTP ${status} answer`, { status })
    return { errcode: typeof answer.errcode === 'number' ? answer.errcode : 0, errmsg: textField(answer, 'errmsg') ?? '', body: answer }
  }

  async function send(token: string, message: unknown): Promise<WechatAnswer> {
    return call('subscribe/send', { method: 'POST', url: sendUrl, query: { access_token: token }, json: message })
  }

  return {
    async send(openId, update) {
      const message = { touser: openId, template_id: templateId, page: update.page, miniprogram_state: miniprogramState, lang: 'zh_CN', data: templateData(update) }
      try {
        const token = await accessToken()
        let answer = await send(token, message)
        if (STALE_TOKEN_ERRORS.has(answer.errcode)) {
          // drop it unless a concurrent send has already put a fresh one in its place
          if (cached?.token === token) cached = null
          answer = await send(await accessToken(), message)
        }
        return outcomeOf(answer)
      } catch (error) {
        return retryAfterFailure(error)
      }
    },
  }
}

/**
 * The template's fields within WeChat's limits: a `thing` at most 20 characters, a
 * `character_string` at most 32 letters, digits or symbols, a `phrase` at most 5 Chinese
 * characters, a `time` in 24-hour form. Longer text is cut, never refused.
 */
function templateData(update: CaseUpdate) {
  return {
    thing1: { value: clip(update.title, 20) },
    character_string2: { value: update.trackingNo.replace(/[^\x21-\x7e]/g, '').slice(0, 32) },
    phrase3: { value: [...update.statusLabel.replace(/[^\p{Script=Han}]/gu, '')].slice(0, 5).join('') || '有更新' },
    time4: { value: chinaMinute(update.at) },
    thing5: { value: clip(update.message, 20) },
  }
}

function outcomeOf({ errcode, errmsg, body }: WechatAnswer): DeliveryResult {
  if (errcode === 0) return { outcome: 'sent', receipt: body.msgid === undefined ? null : String(body.msgid) }
  const reason = `wechat: subscribe/send refused with ${errcode} ${errmsg}`
  if (REFUSALS.has(errcode)) return { outcome: 'refused', reason }
  // -1 busy, 45009 daily quota spent, a token still stale after a refresh, 48001 api unauthorized
  // and any errcode new to us: WeChat's trouble or our app's, not the resident's, so later
  return { outcome: 'retry', reason }
}

function fail(kind: IntegrationErrorKind, message: string, detail?: Record<string, unknown>): IntegrationError {
  return new IntegrationError({ platform: 'wechat', kind, message, detail })
}
