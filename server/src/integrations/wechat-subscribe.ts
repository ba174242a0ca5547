import { chinaMinute, clip, retryAfterFailure, type CaseUpdate, type DeliveryResult, type NoticeChannel } from './notice-delivery'
import type { WechatAnswer, WechatServerApi } from './wechat-server-api'

export type MiniprogramState = 'developer' | 'trial' | 'formal'

export interface WechatSubscribeOptions {
  /** the app's server API, whose access token this shares with every other WeChat call */
  api: WechatServerApi
  /** the 案件进度提醒 subscription template picked in the console */
  templateId: string
  /** which build of the mini-program a tap on the message opens */
  miniprogramState: MiniprogramState
}

// This message can never go to this user: no subscription (43101), not our user's openid
// (40003), values or template the platform refuses (47003, 40037, 41030).
const REFUSALS = new Set([43101, 40003, 47003, 40037, 41030])

/**
 * WeChat subscription messages (一次性订阅消息): subscribe/send to the resident's openid, under
 * the app's access token (see wechat-server-api.ts for how it is cached and renewed).
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
export function createWechatSubscribeClient({ api, templateId, miniprogramState }: WechatSubscribeOptions): NoticeChannel {
  return {
    async send(openId, update) {
      const message = { touser: openId, template_id: templateId, page: update.page, miniprogram_state: miniprogramState, lang: 'zh_CN', data: templateData(update) }
      try {
        return outcomeOf(await api.post('subscribe/send', 'cgi-bin/message/subscribe/send', message))
      } catch (error) {
        return retryAfterFailure(error)
      }
    },
  }
}

/**
 * The template's fields within WeChat's limits: a `thing` at most 20 characters, a
 * `character_string` at most 32 letters, digits or symbols, a `phrase` at most 5 Chinese
 * characters, a `time` in 24-hour form. Longer text is cut, never refused.
 */
function templateData(update: CaseUpdate) {
  return {
    thing1: { value: clip(update.title, 20) },
    character_string2: { value: update.trackingNo.replace(/[^\x21-\x7e]/g, '').slice(0, 32) },
    phrase3: { value: [...update.statusLabel.replace(/[^\p{Script=Han}]/gu, '')].slice(0, 5).join('') || '有更新' },
    time4: { value: chinaMinute(update.at) },
    thing5: { value: clip(update.message, 20) },
  }
}

function outcomeOf({ errcode, errmsg, body }: WechatAnswer): DeliveryResult {
  if (errcode === 0) return { outcome: 'sent', receipt: body.msgid === undefined ? null : String(body.msgid) }
  const reason = `wechat: subscribe/send refused with ${errcode} ${errmsg}`
  if (REFUSALS.has(errcode)) return { outcome: 'refused', reason }
  // -1 busy, 45009 daily quota spent, a token still stale after a refresh, 48001 api unauthorized
  // and any errcode new to us: WeChat's trouble or our app's, not the resident's, so later
  return { outcome: 'retry', reason }
}
