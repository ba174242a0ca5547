import { createHmac, randomUUID } from 'node:crypto'
import { createHttpClient, urlUnder } from './http-client'
import { asJsonObject, textField } from './json-fields'
import { clip, retryAfterFailure, type NoticeChannel } from './notice-delivery'

export interface AliyunSmsOptions {
  /** https://dysmsapi.aliyuncs.com, or the mocks' /sms */
  baseUrl: string
  accessKeyId: string
  accessKeySecret: string
  /** the approved signature (签名) shown as 【智慧信访】 */
  signName: string
  /** the approved template: 您的诉求（编号${no}）有新进展：${status}。${detail} */
  templateCode: string
  /** the staff one, same variables: 工作提醒：案件${no}${status}。${detail} */
  staffTemplateCode: string
  timeoutMs: number
  retries: number
}

// The number itself is refused (not a mobile, or one the carrier blocks): SMS can never reach it.
const REFUSALS = new Set(['isv.MOBILE_NUMBER_ILLEGAL', 'isv.MISSING_PHONE_NUMBERS', 'isv.BLACK_KEY_CONTROL_LIMIT'])
// Aliyun's rule for a template variable: at most 35 characters.
const MAX_VARIABLE_LENGTH = 35

/**
 * Aliyun SMS `SendSms`, RPC style: every parameter in one form, signed with HMAC-SHA1
 * (signature version 1.0) keyed by the AccessKey secret. Flow control
 * (isv.BUSINESS_LIMIT_CONTROL) and everything about our account (signature, template,
 * AccessKey refused) is "later"; only a refused number is final.
 * @see https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
 * @see https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism
 */
export function createAliyunSmsClient(options: AliyunSmsOptions): NoticeChannel {
  const http = createHttpClient({ platform: 'sms', timeoutMs: options.timeoutMs, retries: options.retries })
  const endpoint = urlUnder(options.baseUrl, '')

  return {
    async send(phone, update) {
      const params: Record<string, string> = {
        AccessKeyId: options.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: phone,
        RegionId: 'cn-hangzhou',
        SignName: options.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: update.audience === 'staff' ? options.staffTemplateCode : options.templateCode,
        TemplateParam: JSON.stringify({
          no: update.trackingNo,
          status: clip(update.statusLabel, MAX_VARIABLE_LENGTH),
          detail: clip(update.message, MAX_VARIABLE_LENGTH),
        }),
        // ISO 8601 in UTC, without milliseconds
        Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      }
      const signature = createHmac('sha1', `${options.accessKeySecret}&`).update(stringToSign('POST', params)).digest('base64')
      try {
        const { status, body } = await http.request({ operation: 'SendSms', method: 'POST', url: endpoint, form: { ...params, Signature: signature } })
        const answer = asJsonObject(body)
        const code = textField(answer, 'Code')
        if (status === 200 && code === 'OK') return { outcome: 'sent', receipt: textField(answer, 'BizId') ?? null }
        // The message of a 4xx may quote the string to sign, phone number included: the code alone is logged.
        const reason = status === 200 ? `sms: SendSms refused with ${code ?? 'no code'} ${textField(answer, 'Message') ?? ''}`.trim() : `sms: SendSms HTTP ${status} ${code ?? ''}`.trim()
        return status === 200 && code !== undefined && REFUSALS.has(code) ? { outcome: 'refused', reason } : { outcome: 'retry', reason }
      } catch (error) {
        return retryAfterFailure(error)
      }
    },
  }
}

/** `POST&%2F&` + the percent-encoded, name-sorted `k=v&k=v` of every parameter. */
function stringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.entries(params)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join('&')
  return `${method}&${percentEncode('/')}&${percentEncode(canonical)}`
}

/** RFC 3986: encodeURIComponent leaves ! ' ( ) * as they are, Aliyun encodes them. */
function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
}
