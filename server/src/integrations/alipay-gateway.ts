import { createPrivateKey, createPublicKey } from 'node:crypto'
import { extractSignedResponse, signRsa2, verifyRsa2Text } from './alipay-signature'
import { createHttpClient, IntegrationError, type IntegrationErrorKind } from './http-client'
import { asJsonObject, textField } from './json-fields'

export interface AlipayGatewayOptions {
  /** https://openapi.alipay.com/gateway.do, or the mocks' /alipay/gateway.do */
  gatewayUrl: string
  appId: string
  appPrivateKeyPem: string
  /** The "Alipay public key" from the console: the platform's, not the app's own. */
  alipayPublicKeyPem: string
  timeoutMs: number
  retries: number
}

/** A gateway answer whose signature checked out: `<method>_response` or `error_response`, parsed. */
export interface GatewayReply {
  key: string
  content: Record<string, unknown> | null
}

export interface AlipayGateway {
  /** Calls `method` with its business parameters, RSA2-signed; throws unless the answer can be trusted. */
  call(method: string, businessParams: Record<string, string>): Promise<GatewayReply>
}

/**
 * The open-platform gateway every Alipay method goes through, RSA2 both ways: the request
 * signed with the app's key, the answer verified with Alipay's.
 */
export function createAlipayGateway(options: AlipayGatewayOptions): AlipayGateway {
  // parsed once, so a broken key fails at boot rather than at the first call
  const appPrivateKey = createPrivateKey(options.appPrivateKeyPem)
  const alipayPublicKey = createPublicKey(options.alipayPublicKeyPem)
  const gatewayUrl = new URL(options.gatewayUrl)
  const http = createHttpClient({ platform: 'alipay', timeoutMs: options.timeoutMs, retries: options.retries })

  return {
    async call(method, businessParams) {
      const params = {
        app_id: options.appId,
        method,
        format: 'JSON',
        charset: 'utf-8',
        sign_type: 'RSA2',
        timestamp: chinaTimestamp(new Date()),
        version: '1.0',
        ...businessParams,
      }
      const { status, text, body } = await http.request({
        operation: method,
        method: 'POST',
        url: gatewayUrl,
        form: { ...params, sign: signRsa2(params, appPrivateKey) },
      })
      if (status !== 200) throw gatewayFailure(method, 'bad_response', `unexpected HTTP ${status} answer`, { status })

      const signed = extractSignedResponse(text, method)
      if (signed === null) throw gatewayFailure(method, 'bad_response', 'answer holds no response to verify')
      const sign = textField(asJsonObject(body), 'sign')
      // The gateway cannot sign some refusals (an unknown app id has no key); a success must always be signed.
      const mustBeSigned = signed.key !== 'error_response'
      if ((sign !== undefined || mustBeSigned) && !verifyRsa2Text(signed.text, sign ?? '', alipayPublicKey)) {
        throw gatewayFailure(method, 'bad_response', sign === undefined ? 'unsigned answer' : 'answer signature does not verify with the Alipay public key')
      }
      // read from the verified text, never from the rest of the body
      return { key: signed.key, content: asJsonObject(JSON.parse(signed.text)) }
    },
  }
}

export function gatewayFailure(method: string, kind: IntegrationErrorKind, message: string, detail?: Record<string, unknown>): IntegrationError {
  return new IntegrationError({ platform: 'alipay', kind, message: `${method}: ${message}`, detail })
}

/** `yyyy-MM-dd HH:mm:ss` in China Standard Time (UTC+8 all year), which the gateway expects. */
function chinaTimestamp(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}
