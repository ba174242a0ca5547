import { randomInt, randomUUID } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { aliyunSignatureMatches, aliyunStringToSign } from './aliyun-rpc'
import type { BusyAnswer } from './platform-scope'
import { stringFields } from './request-fields'

export interface SmsMockOptions {
  accessKeyId: string
  accessKeySecret: string
  /** The approved signature (签名) the messages go out under, e.g. 智慧信访. */
  signName: string
  /** The approved notice template; its variables are SMS_NOTICE_TEMPLATE_PARAMS. */
  templateCode: string
  /** The approved template of work notices to staff, with the same variables. */
  staffTemplateCode: string
}

/** The notice template's variables: 您的诉求（编号${no}）有新进展：${status}。${detail} */
export const SMS_NOTICE_TEMPLATE_PARAMS = ['no', 'status', 'detail'] as const

const REQUIRED_PARAMS = ['Action', 'Version', 'AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp']
const MAX_CLOCK_SKEW_MS = 15 * 60_000
// Aliyun's rule for a template variable since 2023: at most 35 characters.
const MAX_VARIABLE_LENGTH = 35
const MAINLAND_MOBILE = /^(?:\+?86|0086)?1[3-9]\d{9}$/

/**
 * Aliyun SMS (dysmsapi.aliyuncs.com) under /sms, for the RPC action `SendSms`. Parameters
 * come in the query string or a form body; the request is signed with HMAC-SHA1 over the
 * sorted, percent-encoded parameters. Protocol errors (credentials, signature, clock) are
 * HTTP 4xx; business answers, refusals included, are HTTP 200 with a `Code`.
 * @see https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
 * @see https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism
 */
export function smsRoutes(options: SmsMockOptions): FastifyPluginAsync {
  const seenNonces = new Map<string, number>()

  function sendSms(method: string, params: Record<string, string>, reply: FastifyReply) {
    const missing = REQUIRED_PARAMS.find((name) => !params[name])
    if (missing !== undefined) {
      return protocolError(reply, 400, 'MissingParameter', `The input parameter "${missing}" that is mandatory for processing this request is not supplied.`)
    }
    if (params.Action !== 'SendSms') return protocolError(reply, 404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.')
    if (params.Version !== '2017-05-25') return protocolError(reply, 400, 'InvalidVersion', 'Specified parameter Version is not valid.')
    if (params.Format !== undefined && params.Format.toUpperCase() !== 'JSON') return protocolError(reply, 400, 'InvalidParameter.Format', 'Format must be JSON here.')
    if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') {
      return protocolError(reply, 400, 'InvalidSignatureMethod', 'Specified signature method or version is not supported.')
    }
    if (params.AccessKeyId !== options.accessKeyId) return protocolError(reply, 404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
    const sentAt = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(params.Timestamp ?? '') ? Date.parse(params.Timestamp ?? '') : Number.NaN
    if (Number.isNaN(sentAt) || Math.abs(sentAt - Date.now()) > MAX_CLOCK_SKEW_MS) {
      return protocolError(reply, 400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.')
    }
    const stringToSign = aliyunStringToSign(method, params)
    if (!aliyunSignatureMatches(stringToSign, params.Signature ?? '', options.accessKeySecret)) {
      return protocolError(reply, 400, 'SignatureDoesNotMatch', `Specified signature does not match our calculation. The string to sign is: ${stringToSign}`)
    }
    forgetOldNonces(seenNonces)
    const nonce = params.SignatureNonce ?? ''
    if (seenNonces.has(nonce)) return protocolError(reply, 400, 'SignatureNonceUsed', 'Specified signature nonce was used already.')
    seenNonces.set(nonce, Date.now())
    return reply.send(businessAnswer(params))
  }

  function businessAnswer(params: Record<string, string>) {
    const phones = (params.PhoneNumbers ?? '').split(',')
    if (params.PhoneNumbers === undefined || params.PhoneNumbers === '') return refusal('isv.MISSING_PHONE_NUMBERS', '手机号码为空')
    if (phones.some((phone) => !MAINLAND_MOBILE.test(phone))) return refusal('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号')
    if (params.SignName !== options.signName) return refusal('isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名')
    if (params.TemplateCode !== options.templateCode && params.TemplateCode !== options.staffTemplateCode) return refusal('isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板')
    const variables = parseVariables(params.TemplateParam)
    if (variables === null) return refusal('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值')
    if (SMS_NOTICE_TEMPLATE_PARAMS.some((name) => !variables[name])) return refusal('isv.TEMPLATE_MISSING_PARAMETERS', '模板变量缺少对应参数值')
    if (Object.values(variables).some((value) => [...value].length > MAX_VARIABLE_LENGTH)) return refusal('isv.PARAM_LENGTH_LIMIT', '参数超出长度限制')
    return { Code: 'OK', Message: 'OK', BizId: `${randomInt(10 ** 8, 10 ** 9)}${randomInt(10 ** 8, 10 ** 9)}^0`, RequestId: requestId() }
  }

  return async (app) => {
    app.route({
      method: ['GET', 'POST'],
      url: '/',
      handler: async (request, reply) => sendSms(request.method, { ...stringFields(request.query), ...stringFields(request.body) }, reply),
    })
  }
}

/** Flow control: Aliyun's answer when a number or the account has sent too much for now. */
export const smsBusyAnswer: BusyAnswer = (_request, reply) => reply.send(refusal('isv.BUSINESS_LIMIT_CONTROL', '触发小时级流控Permits:5'))

function parseVariables(text: string | undefined): Record<string, string> | null {
  try {
    const value: unknown = JSON.parse(text ?? '')
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
    const entries = Object.entries(value)
    return entries.every(([, field]) => typeof field === 'string') ? (Object.fromEntries(entries) as Record<string, string>) : null
  } catch {
    return null
  }
}

function refusal(code: string, message: string) {
  return { Code: code, Message: message, RequestId: requestId() }
}

function protocolError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({
    RequestId: requestId(),
    HostId: 'dysmsapi.aliyuncs.com',
    Code: code,
    Message: message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${code}&product=Dysmsapi`,
  })
}

function requestId(): string {
  return randomUUID().toUpperCase()
}

function forgetOldNonces(seen: Map<string, number>): void {
  const cutoff = Date.now() - 2 * MAX_CLOCK_SKEW_MS
  for (const [nonce, at] of seen) {
    if (at >= cutoff) break
    seen.delete(nonce)
  }
}
