import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NoticeTemplatesSchema } from '@xinfang/shared/contracts/notice-templates'

/**
 * GET /notices/templates: what the mini-programs ask consent for. Public and constant, like the
 * catalog (no secret: every mini-program that subscribes carries its ids), and
 * read from config, so a template changed in the WeChat or Alipay console needs a restart of the
 * API, never a new release of the app.
 */
export const noticeTemplatesRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { wechatTemplateId, alipayTemplateId } = fastify.config.notices
  const body = { wechat: [wechatTemplateId], alipay: [alipayTemplateId] }
  fastify.get(
    '/',
    { schema: { tags: ['notices'], summary: '小程序申请订阅消息用的模板', response: { 200: NoticeTemplatesSchema } } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(body),
  )
}
