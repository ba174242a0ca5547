import { createAlipayGateway, gatewayFailure, type AlipayGatewayOptions } from './alipay-gateway'
import type { IntegrationError, IntegrationErrorKind } from './http-client'
import { textField } from './json-fields'

export type AlipayClientOptions = AlipayGatewayOptions

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
  const gateway = createAlipayGateway(options)

  return {
    async exchangeAuthCode(authCode) {
      if (authCode === '') throw fail('rejected', 'empty auth code')
      const { key, content } = await gateway.call(METHOD, { grant_type: 'authorization_code', code: authCode })
      const code = textField(content, 'code')
      // refusals come as error_response, or as the method's response with a code other than 10000
      if (key === 'error_response' || (code !== undefined && code !== '10000')) throw refusal(content)

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
  return gatewayFailure(METHOD, kind, message, detail)
}

function refusal(content: Record<string, unknown> | null): IntegrationError {
  const code = textField(content, 'code')
  const subCode = textField(content, 'sub_code')
  const detail = { code, subCode, subMsg: textField(content, 'sub_msg') }
  if (subCode !== undefined && RESIDENT_CODE_SUB_CODES.has(subCode)) return fail('rejected', `refused the auth code (${subCode})`, detail)
  if (code === SERVICE_BUSY_CODE) return fail('unavailable', 'gateway busy', detail)
  return fail('unavailable', `refused our request (${subCode ?? code}): check the Alipay app configuration`, detail)
}
