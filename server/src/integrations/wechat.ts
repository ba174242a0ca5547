import { createHttpClient, IntegrationError, urlUnder, type IntegrationErrorKind } from './http-client'
import { asJsonObject, textField } from './json-fields'

export interface WechatClientOptions {
  /** https://api.weixin.qq.com, or the mocks' /wechat */
  baseUrl: string
  appId: string
  appSecret: string
  timeoutMs: number
  retries: number
}

export interface WechatIdentity {
  openId: string
  unionId?: string
}

export interface WechatClient {
  /** Trades the code from the mini-program's wx.login() for who the resident is. */
  code2Session(code: string): Promise<WechatIdentity>
}

// Invalid code, code been used, and high-risk user blocked: the resident's to
// sort out. Anything else (our app id or secret refused, -1 busy, 45011 quota
// spent) is no resident's doing and none can fix it: it must surface as ours.
const RESIDENT_CODE_ERRORS = new Set([40029, 40163, 40226])

/**
 * WeChat mini-program login. The session_key WeChat returns is dropped here on
 * purpose: nothing downstream needs it, so nothing downstream can leak it.
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
 */
export function createWechatClient({ baseUrl, appId, appSecret, timeoutMs, retries }: WechatClientOptions): WechatClient {
  const http = createHttpClient({ platform: 'wechat', timeoutMs, retries })
  const endpoint = urlUnder(baseUrl, 'sns/jscode2session')

  return {
    async code2Session(code) {
      if (code === '') throw fail('rejected', 'empty code')
      const { status, body } = await http.request({
        operation: 'jscode2session',
        method: 'GET',
        url: endpoint,
        query: { appid: appId, secret: appSecret, js_code: code, grant_type: 'authorization_code' },
      })
      const answer = asJsonObject(body)
      // WeChat answers errors with HTTP 200 as well, so any other status means we are not talking to WeChat
      if (status !== 200 || answer === null) throw fail('bad_response', `unexpected HTTP ${status} answer`, { status })

      const errcode = typeof answer.errcode === 'number' ? answer.errcode : 0
      if (errcode !== 0) {
        const errmsg = textField(answer, 'errmsg') ?? ''
        const kind = RESIDENT_CODE_ERRORS.has(errcode) ? 'rejected' : 'unavailable'
        throw fail(kind, `refused with ${errcode} ${errmsg}`, { errcode, errmsg })
      }

      const openId = textField(answer, 'openid')
      if (openId === undefined) throw fail('bad_response', 'answer without openid')
      const unionId = textField(answer, 'unionid')
      return unionId === undefined ? { openId } : { openId, unionId }
    },
  }
}

function fail(kind: IntegrationErrorKind, message: string, detail?: Record<string, unknown>): IntegrationError {
  return new IntegrationError({ platform: 'wechat', kind, message: `jscode2session: ${message}`, detail })
}
