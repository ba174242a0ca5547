import { randomBytes } from 'node:crypto'

export interface TemplateMessageRules {
  userTemplateId: string
  hasOptedOut(userId: string): boolean
}

/** What goes inside `alipay_open_app_mini_templatemessage_send_response`. */
export type TemplateMessageAnswer = Record<string, unknown>

const USER_ID = /^2088\d{12}$/
const OPEN_ID = /^0[A-Za-z0-9]{46}$/
const KEYWORD = /^keyword\d+$/

/**
 * `alipay.open.app.mini.templatemessage.send`: biz_content is a JSON text holding
 * `to_user_id` (or `to_open_id`), `user_template_id`, `page` and `data`, where `data` is
 * itself a JSON text of `{"keyword1":{"value":...}}`. Business refusals come inside the
 * method's own response key with code 40004 and a sub_code; the sub_codes below are the
 * mock's choice of plausible names, since adapters act on the code alone.
 */
export function answerTemplateMessage(bizContentText: string | undefined, rules: TemplateMessageRules): TemplateMessageAnswer {
  const biz = parseObject(bizContentText)
  if (biz === null) return missing('isv.missing-biz-content', 'biz_content参数缺失或不是JSON')
  const recipient = typeof biz.to_user_id === 'string' ? biz.to_user_id : typeof biz.to_open_id === 'string' ? biz.to_open_id : ''
  if (recipient === '') return missing('isv.missing-parameter', '缺少to_user_id或to_open_id参数')
  if (typeof biz.user_template_id !== 'string' || biz.user_template_id === '') return missing('isv.missing-parameter', '缺少user_template_id参数')

  if (!(USER_ID.test(recipient) || OPEN_ID.test(recipient))) return businessFailed('USER_NOT_EXIST', '用户不存在')
  if (biz.user_template_id !== rules.userTemplateId) return businessFailed('USER_TEMPLATE_ILLEGAL', '模板不存在或不可用')
  const data = parseObject(typeof biz.data === 'string' ? biz.data : undefined)
  if (data === null || Object.keys(data).length === 0) return businessFailed('TEMPLATE_DATA_ILLEGAL', 'data不是合法的JSON字符串')
  for (const [key, entry] of Object.entries(data)) {
    const value = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).value : undefined
    if (!KEYWORD.test(key) || typeof value !== 'string' || value === '' || [...value].length > 200) {
      return businessFailed('TEMPLATE_DATA_ILLEGAL', `模板参数${key}不合法`)
    }
  }
  if (rules.hasOptedOut(recipient)) return businessFailed('USER_NOT_SUBSCRIBED', '用户未订阅该模板消息')
  return { code: '10000', msg: 'Success', msg_id: randomBytes(12).toString('hex') }
}

function parseObject(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function businessFailed(subCode: string, subMsg: string): TemplateMessageAnswer {
  return { code: '40004', msg: 'Business Failed', sub_code: subCode, sub_msg: subMsg }
}

function missing(subCode: string, subMsg: string): TemplateMessageAnswer {
  return { code: '40001', msg: 'Missing Required Arguments', sub_code: subCode, sub_msg: subMsg }
}
