import { createPrivateKey, createPublicKey } from 'node:crypto'
import { extractSignedResponse, signRsa2, verifyRsa2Text } from './alipay-signature'
import { createHttpClient, IntegrationError, type IntegrationErrorKind } from './http-client'
import { asJsonObject, textField } from './json-fields'

export interface AlipayClientOptions {
  /** https://openapi.alipay.com/gateway.do, or the mocks' /alipay/gateway.do */
  gatewayUrl: string
  appId: string
  appPrivateKeyPem: string
  /** The "Alipay public key" from the console: the platform's, not the app's own. */
  alipayPublicKeyPem: string
  timeoutMs: number
  retries: number
}

export interface AlipayIdentity {
  /** The resident's stable key in this app: user_id where Alipay still sends it, else the open_id. */
  userId: string
  openId?: string
}

export interface AlipayClient {
  /** Trades the authCode from the mini-program's my.getAuthCode() for who the resident is. */
  exchangeAuthCode(authCode: string): Promise<AlipayIdentity>
}

const METHOD = 'alipay.system.oauth.token'
// The resident's code is at fault; any other refusal is about our app (keys, app id) or a bug of ours.
const RESIDENT_CODE_SUB_CODES = new Set(['isv.code-invalid'])
const SERVICE_BUSY_CODE = '20000'

/**
 * Alipay mini-program login over the open-platform gateway, RSA2 both ways.
 * @see https://opendocs.alipay.com/apis/api_9/alipay.system.oauth.token
 */
export function createAlipayClient(options: AlipayClientOptions): AlipayClient {
  // parsed once, so a broken key fails at boot rather than at the first login
  const appPrivateKey = createPrivateKey(options.appPrivateKeyPem)
  const alipayPublicKey = createPublicKey(options.alipayPublicKeyPem)
  const gatewayUrl = new URL(options.gatewayUrl)
  const http = createHttpClient({ platform: 'alipay', timeoutMs: options.timeoutMs, retries: options.retries })

  return {
    async exchangeAuthCode(authCode) {
      if (authCode === '') throw fail('rejected', 'empty auth code')
      const params = {
        app_id: options.appId,
        method: METHOD,
        format: 'JSON',
        charset: 'utf-8',
        sign_type: 'RSA2',
        timestamp: chinaTimestamp(new Date()),
        version: '1.0',
        grant_type: 'authorization_code',
        code: authCode,
      }
      const { status, text, body } = await http.request({
        operation: METHOD,
        method: 'POST',
        url: gatewayUrl,
        form: { ...params, sign: signRsa2(params, appPrivateKey) },
      })
      if (status !== 200) throw fail('bad_response', `unexpected HTTP ${status} answer`, { status })

      const signed = extractSignedResponse(text, METHOD)
      if (signed === null) throw fail('bad_response', 'answer holds no response to verify')
      const sign = textField(asJsonObject(body), 'sign')
      // The gateway cannot sign some refusals (an unknown app id has no key); a success must always be signed.
      const mustBeSigned = signed.key !== 'error_response'
      if ((sign !== undefined || mustBeSigned) && !verifyRsa2Text(signed.text, sign ?? '', alipayPublicKey)) {
        throw fail('bad_response', sign === undefined ? 'unsigned answer' : 'answer signature does not verify with the Alipay public key')
      }

      // read from the verified text, never from the rest of the body
      const content = asJsonObject(JSON.parse(signed.text))
      const code = textField(content, 'code')
      // refusals come as error_response, or as the method's response with a code other than 10000
      if (signed.key === 'error_response' || (code !== undefined && code !== '10000')) throw refusal(content)

      const userId = textField(content, 'user_id')
      const openId = textField(content, 'open_id')
      // newer Alipay apps get only the app-scoped open_id
      if (userId !== undefined) return openId === undefined ? { userId } : { userId, openId }
      if (openId !== undefined) return { userId: openId, openId }
      throw fail('bad_response', 'answer holds neither user_id nor open_id')
    },
  }
}

function fail(kind: IntegrationErrorKind, message: string, detail?: Record<string, unknown>): IntegrationError {
  return new IntegrationError({ platform: 'alipay', kind, message: `${METHOD}: ${message}`, detail })
}

function refusal(content: Record<string, unknown> | null): IntegrationError {
  const code = textField(content, 'code')
  const subCode = textField(content, 'sub_code')
  const detail = { code, subCode, subMsg: textField(content, 'sub_msg') }
  if (subCode !== undefined && RESIDENT_CODE_SUB_CODES.has(subCode)) return fail('rejected', `refused the auth code (${subCode})`, detail)
  if (code === SERVICE_BUSY_CODE) return fail('unavailable', 'gateway busy', detail)
  return fail('unavailable', `refused our request (${subCode ?? code}): check the Alipay app configuration`, detail)
}

/** `yyyy-MM-dd HH:mm:ss` in China Standard Time (UTC+8 all year), which the gateway expects. */
function chinaTimestamp(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}
