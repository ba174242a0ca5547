import { Type, type Static } from 'typebox'

const TemplateIdsSchema = Type.Array(Type.String({ minLength: 1 }), { maxItems: 3, description: '一次最多申请3个模板（两个平台的上限）' })

/**
 * The message templates a mini-program asks the user to accept before the API may send them one
 * (WeChat's requestSubscribeMessage tmplIds, Alipay's entityIds), per platform. Residents and staff
 * are sent the same template, so one list serves both.
 */
export const NoticeTemplatesSchema = Type.Object({
  wechat: TemplateIdsSchema,
  alipay: TemplateIdsSchema,
})

export type NoticeTemplates = Static<typeof NoticeTemplatesSchema>
