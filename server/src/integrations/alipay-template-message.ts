import { createAlipayGateway, type AlipayGatewayOptions } from './alipay-gateway'
import { textField } from './json-fields'
import { chinaMinute, clip, retryAfterFailure, type CaseUpdate, type NoticeChannel } from './notice-delivery'

export interface AlipayTemplateMessageOptions extends AlipayGatewayOptions {
  /** the 诉求办理进度 template the residents subscribed to */
  userTemplateId: string
}

const METHOD = 'alipay.open.app.mini.templatemessage.send'
const SUCCESS_CODE = '10000'
// Business Failed: the user did not subscribe, the template or its data is refused. Never this
// message through Alipay. 20000 (busy) and our own request or keys refused (4000x) are "later".
const BUSINESS_FAILED_CODE = '40004'
const USER_ID = /^2088\d{12}$/

/**
 * Alipay mini-program template messages over the same RSA2 gateway as login. The resident
 * is who login stored: a 2088… user_id, or on newer apps the app-scoped open_id.
 */
export function createAlipayTemplateMessageClient(options: AlipayTemplateMessageOptions): NoticeChannel {
  const gateway = createAlipayGateway(options)

  return {
    async send(userId, update) {
      const recipient = USER_ID.test(userId) ? { to_user_id: userId } : { to_open_id: userId }
      const bizContent = { ...recipient, user_template_id: options.userTemplateId, page: update.page, data: JSON.stringify(templateData(update)) }
      try {
        const { key, content } = await gateway.call(METHOD, { biz_content: JSON.stringify(bizContent) })
        const code = textField(content, 'code')
        if (key !== 'error_response' && code === SUCCESS_CODE) return { outcome: 'sent', receipt: textField(content, 'msg_id') ?? null }
        const reason = `alipay: ${METHOD} refused with ${code ?? 'no code'} ${textField(content, 'sub_code') ?? ''} ${textField(content, 'sub_msg') ?? ''}`.trim()
        return code === BUSINESS_FAILED_CODE ? { outcome: 'refused', reason } : { outcome: 'retry', reason }
      } catch (error) {
        return retryAfterFailure(error)
      }
    },
  }
}

/** keyword1 受理编号, keyword2 诉求标题, keyword3 办理状态, keyword4 更新时间, keyword5 温馨提示 */
function templateData(update: CaseUpdate) {
  return {
    keyword1: { value: update.trackingNo },
    keyword2: { value: clip(update.title, 20) },
    keyword3: { value: update.statusLabel },
    keyword4: { value: chinaMinute(update.at) },
    keyword5: { value: clip(update.message, 50) },
  }
}
