import Taro from '@tarojs/taro'
import { getNoticeTemplates } from '../api/notices'

/**
 * What came of asking: `accepted` are the templates the user allowed just now. Each one is a
 * one-time subscription (一次性订阅), worth exactly one message, so the app asks again on
 * later taps. Nothing accepted is no error: that user's notices go by SMS, as before.
 * - declined: the user chose not to (or closed the dialog)
 * - switched_off: WeChat's own switch for this mini-program's messages is off (设置 → 订阅消息)
 * - failed: no dialog (no network for the ids, the platform refused to show it)
 * - not_asked: H5, where the city app pushes by its own channel
 */
export interface NoticeConsent {
  outcome: 'accepted' | 'declined' | 'switched_off' | 'failed' | 'not_asked'
  accepted: string[]
}

type NoticePlatform = 'wechat' | 'alipay'
const PLATFORM: NoticePlatform | null = process.env.TARO_ENV === 'weapp' ? 'wechat' : process.env.TARO_ENV === 'alipay' ? 'alipay' : null

/** Where the notices arrive, as the button names it (开启微信提醒); null where nothing is asked. */
export const NOTICE_PLATFORM_NAME = PLATFORM === 'wechat' ? '微信' : PLATFORM === 'alipay' ? '支付宝' : null

const outcome = (kind: NoticeConsent['outcome']): NoticeConsent => ({ outcome: kind, accepted: [] })

// WeChat's errCode when the user turned off subscription messages for this mini-program
const MAIN_SWITCH_OFF = 20004

let templateIds: string[] | null = null
let loading: Promise<string[]> | null = null

/** The ids for this platform, fetched once per app session; a failed fetch is tried again next time. */
function loadTemplateIds(platform: NoticePlatform): Promise<string[]> {
  loading ??= getNoticeTemplates().then(
    (templates) => (templateIds = templates[platform]),
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}

/**
 * Fetches the ids ahead of the tap that asks: a page that may ask calls this when it opens.
 * WeChat opens its dialog only inside a tap, and a tap that first waited for the network would
 * no longer count as one. Resolves whether there is anything to ask for here; never rejects.
 */
export function prepareNoticeConsent(): Promise<boolean> {
  if (!PLATFORM) return Promise.resolve(false)
  return loadTemplateIds(PLATFORM).then(
    (ids) => ids.length > 0,
    () => false,
  )
}

/** Both platforms' success: `[templateId]: 'accept' | 'reject' | …`, Alipay's with `result` besides. */
type ConsentAnswer = Record<string, unknown> & { result?: { subscribeEntityIds?: string[] } }

/**
 * One platform call for both: Taro forwards the options as they are (it maps no field of this
 * API), WeChat reads `tmplIds`, Alipay `entityIds`, each ignoring the other's; a failure arrives
 * as WeChat's `{ errCode, errMsg }` or Alipay's `{ error, errorMessage }`.
 * @see https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 * @see https://opendocs.alipay.com/mini/api/requestSubscribeMessage
 */
async function requestConsent(ids: string[]): Promise<NoticeConsent> {
  try {
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: ids })) as ConsentAnswer
    const listed = answer.result?.subscribeEntityIds ?? []
    const accepted = ids.filter((id) => answer[id] === 'accept' || listed.includes(id))
    if (accepted.length > 0) return { outcome: 'accepted', accepted }
    return outcome(ids.every((id) => answer[id] === 'reject' || answer[id] === undefined) ? 'declined' : 'failed')
  } catch (failure) {
    return outcome((failure as { errCode?: unknown } | null)?.errCode === MAIN_SWITCH_OFF ? 'switched_off' : 'failed')
  }
}

/**
 * Asks the user to let the next notice through by the platform's message (WeChat subscription
 * message, Alipay template message); call it from a tap handler, beside the tap's own work,
 * never in front of it (`void askNoticeConsent()`). With the ids prepared the dialog opens
 * within this call; it never throws, and on H5 it asks nothing.
 */
export async function askNoticeConsent(): Promise<NoticeConsent> {
  if (!PLATFORM) return outcome('not_asked')
  try {
    // no await before the platform call when the ids are at hand: it stays inside the tap
    const ids = templateIds ?? (await loadTemplateIds(PLATFORM))
    return ids.length > 0 ? await requestConsent(ids) : outcome('not_asked')
  } catch {
    return outcome('failed')
  }
}
