import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { answerQrcodeCreate, qrcodeImage } from './alipay-qrcode'
import { chinaTimestamp, parseChinaTimestamp, signingContent, signText, verifyText } from './alipay-rsa2'
import { answerTemplateMessage } from './alipay-template-message'
import { alipayOpenId, alipayUserId } from './dev-identities'
import type { OneTimeCodes } from './one-time-codes'
import type { OptOuts } from './opt-outs'
import type { BusyAnswer } from './platform-scope'
import { stringFields } from './request-fields'

export interface AlipayMockOptions {
  appId: string
  /** The app's public key as uploaded to the Alipay console: checks request signatures. */
  appPublicKeyPem: string
  /** Alipay's own private key: signs responses; apps hold the matching "Alipay public key". */
  platformPrivateKeyPem: string
  /** The template message the app subscribed residents to (诉求办理进度). */
  noticeTemplateId: string
  /** The app's 接口内容加密 key (base64 of 16 bytes): encrypts what my.getPhoneNumber returns. */
  aesKey: string
}

export interface AlipayMockState {
  codes: OneTimeCodes
  optOuts: OptOuts
}

type GatewayAnswer = { key: `${string}_response`; content: Record<string, unknown>; signed: true } | GatewayRefusal

interface GatewayRefusal {
  key: 'error_response'
  content: GatewayError
  signed: boolean
}

interface GatewayError {
  code: string
  msg: string
  sub_code: string
  sub_msg: string
}

const OAUTH_TOKEN_METHOD = 'alipay.system.oauth.token'
const TEMPLATE_MESSAGE_METHOD = 'alipay.open.app.mini.templatemessage.send'
const QRCODE_CREATE_METHOD = 'alipay.open.app.qrcode.create'
const METHODS = [OAUTH_TOKEN_METHOD, TEMPLATE_MESSAGE_METHOD, QRCODE_CREATE_METHOD]
const MISSING_PARAM_SUB_CODES = {
  app_id: 'isv.missing-app-id',
  method: 'isv.missing-method',
  sign: 'isv.missing-signature',
  sign_type: 'isv.missing-signature-type',
  timestamp: 'isv.missing-timestamp',
  version: 'isv.missing-version',
} as const
// Stricter than we can confirm the real gateway is, on purpose: it catches a
// client that stamps requests in UTC instead of China time.
const MAX_CLOCK_SKEW_MS = 15 * 60_000

/** Shaped like the authCode my.getAuthCode() yields: 32 hex characters. */
export function newAlipayAuthCode(): string {
  return randomBytes(16).toString('hex')
}

/**
 * The Alipay open-platform gateway under /alipay, for `alipay.system.oauth.token`,
 * `alipay.open.app.mini.templatemessage.send` and `alipay.open.app.qrcode.create`, and the
 * QR images the last one hands out.
 * @see https://opendocs.alipay.com/apis/api_9/alipay.system.oauth.token
 */
export function alipayRoutes(options: AlipayMockOptions, { codes, optOuts }: AlipayMockState): FastifyPluginAsync {
  const appPublicKey = createPublicKey(options.appPublicKeyPem)
  const platformPrivateKey = createPrivateKey(options.platformPrivateKeyPem)

  /** `imageBase`: where this mock's /alipay is reached, for the QR image URLs it hands out. */
  function answer(params: Record<string, string>, imageBase: string): GatewayAnswer {
    for (const [name, subCode] of Object.entries(MISSING_PARAM_SUB_CODES)) {
      if (!params[name]) return refusal('40001', 'Missing Required Arguments', subCode, `缺少${name}参数`)
    }
    // Without a known app the gateway has no key to sign with, so this answer goes out unsigned.
    if (params.app_id !== options.appId) return { ...invalid('isv.invalid-app-id', '无效的AppID参数'), signed: false }
    if (!METHODS.includes(params.method ?? '')) return invalid('isv.invalid-method', '不存在的方法名')
    if (params.sign_type !== 'RSA2') return invalid('isv.invalid-signature-type', '无效签名类型')
    if (params.format !== undefined && params.format.toUpperCase() !== 'JSON') return invalid('isv.invalid-format', '无效的数据格式')
    if (params.charset !== undefined && params.charset.toLowerCase() !== 'utf-8') return invalid('isv.invalid-charset', '字符集错误')
    const sentAt = parseChinaTimestamp(params.timestamp ?? '')
    if (sentAt === null || Math.abs(sentAt - Date.now()) > MAX_CLOCK_SKEW_MS) {
      return invalid('isv.invalid-timestamp', '非法的时间戳参数')
    }

    const content = signingContent(params)
    if (!verifyText(content, params.sign ?? '', appPublicKey)) {
      return invalid('isv.invalid-signature', `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${content}`)
    }
    if (params.method === TEMPLATE_MESSAGE_METHOD) {
      const content = answerTemplateMessage(params.biz_content, {
        userTemplateId: options.noticeTemplateId,
        hasOptedOut: (userId) => optOuts.has('alipay', userId),
      })
      return { key: 'alipay_open_app_mini_templatemessage_send_response', signed: true, content }
    }
    if (params.method === QRCODE_CREATE_METHOD) {
      const content = answerQrcodeCreate(params.biz_content, { appId: options.appId, imageBase })
      return { key: 'alipay_open_app_qrcode_create_response', signed: true, content }
    }
    if (params.grant_type !== 'authorization_code') return invalid('isv.grant-type-invalid', 'grant_type参数不正确')

    const redemption = codes.redeem(params.code ?? '')
    // Alipay does not tell an unknown code from a spent one.
    if (redemption.status !== 'valid') return invalid('isv.code-invalid', '授权码code无效')
    return {
      key: 'alipay_system_oauth_token_response',
      signed: true,
      content: {
        user_id: alipayUserId(redemption.name),
        open_id: alipayOpenId(options.appId, redemption.name),
        access_token: `authusrB${randomBytes(16).toString('hex')}`,
        expires_in: 1_296_000,
        refresh_token: `authusrB${randomBytes(16).toString('hex')}`,
        re_expires_in: 2_592_000,
        auth_start: chinaTimestamp(new Date()),
      },
    }
  }

  return async (app) => {
    // Parameters may come in the query string, the form body or both (the
    // official SDKs put the public ones in the URL), so the gateway merges them.
    app.post('/gateway.do', async (request, reply) => {
      const imageBase = `${request.protocol}://${request.host}${app.prefix}`
      const { key, content, signed } = answer({ ...stringFields(request.query), ...stringFields(request.body) }, imageBase)
      return sendGatewayBody(reply, key, content, signed ? platformPrivateKey : null)
    })
    // stands in for Alipay's CDN, where qr_code_url points
    app.get<{ Params: { file: string } }>('/qr/:file', async (request, reply) => {
      const png = await qrcodeImage(request.params.file)
      if (png === null) return reply.code(404).type('text/plain').send('Not Found')
      return reply.type('image/png').send(png)
    })
  }
}

/** 20000 is the gateway's "service currently unavailable", signed like any other answer. */
export function alipayBusyAnswer(options: AlipayMockOptions): BusyAnswer {
  const platformPrivateKey = createPrivateKey(options.platformPrivateKeyPem)
  const busy = { code: '20000', msg: 'Service Currently Unavailable', sub_code: 'isp.unknow-error', sub_msg: '系统繁忙' }
  return (_request, reply) => sendGatewayBody(reply, 'error_response', busy, platformPrivateKey)
}

function sendGatewayBody(reply: FastifyReply, key: string, content: object, signingKey: KeyObject | null): FastifyReply {
  // The signature covers these exact bytes, so the body is assembled around them, not re-serialized.
  const contentText = JSON.stringify(content)
  const sign = signingKey === null ? '' : `,"sign":"${signText(contentText, signingKey)}"`
  return reply.type('application/json; charset=utf-8').send(`{"${key}":${contentText}${sign}}`)
}

function refusal(code: string, msg: string, subCode: string, subMsg: string): GatewayRefusal {
  return { key: 'error_response', signed: true, content: { code, msg, sub_code: subCode, sub_msg: subMsg } }
}

function invalid(subCode: string, subMsg: string): GatewayRefusal {
  return refusal('40002', 'Invalid Arguments', subCode, subMsg)
}
