import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { wechatOpenId, wechatUnionId } from './dev-identities'
import type { OneTimeCodes } from './one-time-codes'
import type { OptOuts } from './opt-outs'
import type { BusyAnswer } from './platform-scope'
import { stringField } from './request-fields'
import { accessTokenRefusal, type AccessTokens } from './wechat-access-tokens'
import { wechatError } from './wechat-errors'
import { answerPhoneNumber, type PhoneCodes } from './wechat-phone-number'
import { checkSubscribeSend } from './wechat-subscribe-message'
import { answerWxacode } from './wechat-wxacode'

export interface WechatMockOptions {
  appId: string
  appSecret: string
  /** The subscription template the app picked in the console (案件进度提醒). */
  noticeTemplateId: string
}

export interface WechatMockState {
  codes: OneTimeCodes
  phoneCodes: PhoneCodes
  tokens: AccessTokens
  optOuts: OptOuts
}

/** The keys of the notice template, as the console lists them: 案件名称, 受理编号, 办理状态, 更新时间, 温馨提示. */
export const WECHAT_NOTICE_TEMPLATE_KEYS = ['thing1', 'character_string2', 'phrase3', 'time4', 'thing5'] as const

type WechatAnswer =
  | { openid: string; session_key: string; unionid: string }
  | { errcode: number; errmsg: string }

/** Shaped like the codes wx.login() yields: 32 URL-safe characters. */
export function newWechatLoginCode(): string {
  return randomBytes(24).toString('base64url')
}

/**
 * api.weixin.qq.com under /wechat: login, the server's access token, subscription messages,
 * mini-program codes and phone numbers.
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getAccessToken.html
 */
export function wechatRoutes(options: WechatMockOptions, { codes, phoneCodes, tokens, optOuts }: WechatMockState): FastifyPluginAsync {
  function answerCode2Session(query: unknown): WechatAnswer {
    if (stringField(query, 'appid') !== options.appId) return wechatError(40013, 'invalid appid')
    if (stringField(query, 'secret') !== options.appSecret) return wechatError(40125, 'invalid appsecret')
    if (stringField(query, 'grant_type') !== 'authorization_code') return wechatError(40002, 'invalid grant_type')
    const code = stringField(query, 'js_code')
    if (!code) return wechatError(41008, 'missing code')

    const redemption = codes.redeem(code)
    if (redemption.status === 'used') return wechatError(40163, 'code been used')
    if (redemption.status === 'unknown') return wechatError(40029, 'invalid code')
    return {
      openid: wechatOpenId(options.appId, redemption.name),
      // a new session key per login, as WeChat does; adapters must never pass it on
      session_key: randomBytes(16).toString('base64'),
      unionid: wechatUnionId(redemption.name),
    }
  }

  function answerToken(query: unknown) {
    if (stringField(query, 'grant_type') !== 'client_credential') return wechatError(40002, 'invalid grant_type')
    if (stringField(query, 'appid') !== options.appId) return wechatError(40013, 'invalid appid')
    if (stringField(query, 'secret') !== options.appSecret) return wechatError(40125, 'invalid appsecret')
    const { token, expiresIn } = tokens.issue()
    return { access_token: token, expires_in: expiresIn }
  }

  function answerSubscribeSend(query: unknown, body: unknown) {
    const refusal = accessTokenRefusal(tokens, query)
    if (refusal !== null) return refusal
    const outcome = checkSubscribeSend(body, {
      templateId: options.noticeTemplateId,
      templateKeys: WECHAT_NOTICE_TEMPLATE_KEYS,
      hasOptedOut: (openId) => optOuts.has('wechat', openId),
    })
    return 'msgid' in outcome ? { errcode: 0, errmsg: 'ok', msgid: outcome.msgid } : wechatError(outcome.errcode, outcome.message)
  }

  return async (app) => {
    // Errors are HTTP 200 too, and WeChat labels its JSON text/plain: a client
    // that trusts either the status or the content type is wrong, and should fail here.
    app.get('/sns/jscode2session', async (request, reply) =>
      reply.type('text/plain').send(JSON.stringify(answerCode2Session(request.query))),
    )
    app.get('/cgi-bin/token', async (request, reply) => reply.type('text/plain').send(JSON.stringify(answerToken(request.query))))
    app.post('/cgi-bin/message/subscribe/send', async (request, reply) =>
      reply.type('text/plain').send(JSON.stringify(answerSubscribeSend(request.query, request.body))),
    )
    // the image itself on success; JSON, this time labelled as such, on failure
    app.post('/wxa/getwxacodeunlimit', async (request, reply) => {
      const answer = accessTokenRefusal(tokens, request.query) ?? (await answerWxacode(request.body, options.appId))
      if ('png' in answer) return reply.type('image/png').send(answer.png)
      return reply.type('application/json; encoding=utf-8').send(JSON.stringify(answer))
    })
    app.post('/wxa/business/getuserphonenumber', async (request, reply) => {
      const answer = accessTokenRefusal(tokens, request.query) ?? answerPhoneNumber(request.body, options.appId, phoneCodes)
      return reply.type('text/plain').send(JSON.stringify(answer))
    })
  }
}

/** -1 is WeChat's "system busy, try again later", on any endpoint. */
export const wechatBusyAnswer: BusyAnswer = (_request, reply) =>
  reply.type('text/plain').send(JSON.stringify(wechatError(-1, 'system error')))
