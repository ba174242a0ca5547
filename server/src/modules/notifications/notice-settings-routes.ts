import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponseSchema } from '@xinfang/shared/contracts/common'
import { NoticeSettingsSchema, NoticeSettingsViewSchema } from '@xinfang/shared/contracts/notice-settings'
import { createStaffRepository } from '../auth/staff-repository'
import { createNoticeSettings } from './notice-settings'
import { createStaffNoticeRepository } from './staff-notice-repository'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema }
const secured = { tags: ['workbench'], security: [{ bearer: [] }] }

/** GET and PUT /workbench/notice-settings: the signed-in staff member's own, nobody else's. */
export const noticeSettingsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const settings = await createNoticeSettings({ notices: createStaffNoticeRepository(fastify.db), staff: createStaffRepository(fastify.db), pii: fastify.pii, clock: fastify.clock })
  fastify.addHook('preHandler', fastify.requireStaff)

  fastify.get('/', { schema: { ...secured, summary: '我的工作提醒设置，以及提醒发到哪里', response: { 200: NoticeSettingsViewSchema, ...errors } } }, async (request) =>
    settings.get(request.actor.id),
  )
  fastify.put(
    '/',
    { schema: { ...secured, summary: '修改我的工作提醒设置：各类提醒的开关和免打扰时段', body: NoticeSettingsSchema, response: { 200: NoticeSettingsViewSchema, ...errors } } },
    async (request) => settings.put(request.actor.id, request.body),
  )
}
