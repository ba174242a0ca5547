import { createHttpClient, IntegrationError, urlUnder, type IntegrationErrorKind } from './http-client'
import { asJsonObject, textField } from './json-fields'

export interface WechatServerApiOptions {
  /** https://api.weixin.qq.com, or the mocks' /wechat */
  baseUrl: string
  appId: string
  appSecret: string
  timeoutMs: number
  retries: number
  /** for the token cache; the token's lifetime is WeChat's, in real time */
  now?: () => number
}

/** A JSON answer with WeChat's errcode (0 when absent: successes often leave it out). */
export interface WechatAnswer {
  errcode: number
  errmsg: string
  body: Record<string, unknown>
}

/** What an endpoint that may answer with an image said instead of JSON. */
export interface WechatImage {
  mime: string
  bytes: Buffer
}

/**
 * WeChat's server-side API: every call under one access token per app, shared by subscription
 * messages, mini-program codes and phone numbers. One cache matters: every call to cgi-bin/token
 * invalidates the token before it (after a short grace), and the call is quota'd per day.
 */
export interface WechatServerApi {
  readonly appId: string
  /** POST `json` to `path?access_token=…`; a stale token is replaced once and the call repeated. */
  post(operation: string, path: string, json: unknown): Promise<WechatAnswer>
  /** The same, for endpoints that answer with image bytes on success and JSON on failure. */
  postForImage(operation: string, path: string, json: unknown): Promise<WechatAnswer | WechatImage>
}

// Renew a few minutes early, so a token never expires between our check and WeChat's.
const TOKEN_RENEW_MARGIN_MS = 5 * 60_000
// The token went stale (another server fetched a new one, the secret was reset): fetch anew once.
const STALE_TOKEN_ERRORS = new Set([40001, 40014, 42001])

/**
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getAccessToken.html
 */
export function createWechatServerApi(options: WechatServerApiOptions): WechatServerApi {
  const { appId, appSecret, timeoutMs, retries, now = Date.now } = options
  const http = createHttpClient({ platform: 'wechat', timeoutMs, retries })
  const tokenUrl = urlUnder(options.baseUrl, 'cgi-bin/token')
  let cached: { token: string; renewAt: number } | null = null
  // one fetch shared by every call that finds the cache empty at the same moment
  let fetching: Promise<string> | null = null

  async function fetchToken(): Promise<string> {
    const query = { grant_type: 'client_credential', appid: appId, secret: appSecret }
    const { status, body } = await http.request({ operation: 'cgi-bin/token', method: 'GET', url: tokenUrl, query })
    const answer = readAnswer('cgi-bin/token', status, body)
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

  async function once(operation: string, url: URL, token: string, json: unknown): Promise<WechatAnswer | WechatImage> {
    const { status, mediaType, bytes } = await http.requestBytes({ operation, method: 'POST', url, query: { access_token: token }, json })
    if (status === 200 && mediaType.startsWith('image/')) return { mime: mediaType, bytes }
    let body: unknown
    try {
      body = JSON.parse(bytes.toString('utf8'))
    } catch (error) {
      throw new IntegrationError({ platform: 'wechat', kind: 'bad_response', message: `${operation}: HTTP ${status} with a body that is neither an image nor JSON`, detail: { status, mediaType }, cause: error })
    }
    return readAnswer(operation, status, body)
  }

  async function postForImage(operation: string, path: string, json: unknown): Promise<WechatAnswer | WechatImage> {
    const url = urlUnder(options.baseUrl, path)
    const token = await accessToken()
    const first = await once(operation, url, token, json)
    if (!('errcode' in first) || !STALE_TOKEN_ERRORS.has(first.errcode)) return first
    // drop it unless a concurrent call has already put a fresh one in its place
    if (cached?.token === token) cached = null
    return once(operation, url, await accessToken(), json)
  }

  return {
    appId,
    postForImage,
    async post(operation, path, json) {
      const answer = await postForImage(operation, path, json)
      if (!('errcode' in answer)) throw fail('bad_response', `${operation}: an image where JSON was expected`)
      return answer
    },
  }
}

function readAnswer(operation: string, status: number, body: unknown): WechatAnswer {
  const answer = asJsonObject(body)
  // WeChat answers errors with HTTP 200 as well, so any other status means we are not talking to WeChat
  if (status !== 200 || answer === null) throw fail('bad_response', `${operation}: unexpected HTTP ${status} answer`, { status })
  return { errcode: typeof answer.errcode === 'number' ? answer.errcode : 0, errmsg: textField(answer, 'errmsg') ?? '', body: answer }
}

export function fail(kind: IntegrationErrorKind, message: string, detail?: Record<string, unknown>): IntegrationError {
  return new IntegrationError({ platform: 'wechat', kind, message, detail })
}
