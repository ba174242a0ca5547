import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { wechatOpenId, wechatUnionId } from './dev-identities'
import type { OneTimeCodes } from './one-time-codes'
import { stringField } from './request-fields'

export interface WechatMockOptions {
  appId: string
  appSecret: string
}

type WechatAnswer =
  | { openid: string; session_key: string; unionid: string }
  | { errcode: number; errmsg: string }

/** Shaped like the codes wx.login() yields: 32 URL-safe characters. */
export function newWechatLoginCode(): string {
  return randomBytes(24).toString('base64url')
}

/**
 * api.weixin.qq.com under /wechat.
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
 */
export function wechatRoutes(options: WechatMockOptions, codes: OneTimeCodes): FastifyPluginAsync {
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

  return async (app) => {
    // Errors are HTTP 200 too, and WeChat labels its JSON text/plain: a client
    // that trusts either the status or the content type is wrong, and should fail here.
    app.get('/sns/jscode2session', async (request, reply) =>
      reply.type('text/plain').send(JSON.stringify(answerCode2Session(request.query))),
    )
  }
}

function wechatError(errcode: number, message: string): WechatAnswer {
  return { errcode, errmsg: `${message}, rid: ${requestId()}` }
}

/** WeChat's trace id format, e.g. `6571a2b3-1c2d3e4f-5a6b7c8d`. */
function requestId(): string {
  const secondsHex = Math.floor(Date.now() / 1000).toString(16)
  return `${secondsHex}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`
}
