import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponseSchema } from '@xinfang/shared/contracts/common'
import { AssigneesQuerySchema, AssigneesSchema, QueueQuerySchema, SearchQuerySchema, SearchResultSchema, SummarySchema, WorkListSchema } from '@xinfang/shared/contracts/workbench'
import type { StaffActor } from '../../plugins/auth'
import type { CaseContext } from '../cases/case-context'
import { assignees, queue, search, summary } from './workbench-queries'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema }
const secured = { tags: ['workbench'], security: [{ bearer: [] }] }

/** The staff workbench: everything is limited to what the signed-in person may see. */
export function workbenchRoutes(ctx: CaseContext): FastifyPluginAsyncTypebox {
  return async (fastify) => {
    fastify.addHook('preHandler', fastify.requireStaff)
    const actorOf = (request: { actor: unknown }) => request.actor as StaffActor

    fastify.get('/summary', { schema: { ...secured, summary: '辖区概况：四个队列的数量和今日数据', response: { 200: SummarySchema, ...errors } } }, async (request) => summary(ctx, actorOf(request)))
    fastify.get('/queue', { schema: { ...secured, summary: '我的队列：待受理、待办理、即将超期、已超期', querystring: QueueQuerySchema, response: { 200: WorkListSchema, ...errors } } }, async (request) =>
      queue(ctx, actorOf(request), request.query),
    )
    fastify.get('/search', { schema: { ...secured, summary: '按查询码、手机号或关键词查找辖区内的诉求', querystring: SearchQuerySchema, response: { 200: SearchResultSchema, ...errors } } }, async (request) =>
      await search(ctx, actorOf(request), request.query),
    )
    fastify.get('/assignees', { schema: { ...secured, summary: '可交办的单位、下级信访部门和网格员', querystring: AssigneesQuerySchema, response: { 200: AssigneesSchema, ...errors } } }, async (request) =>
      await assignees(ctx, actorOf(request), request.query.caseId),
    )
  }
}
