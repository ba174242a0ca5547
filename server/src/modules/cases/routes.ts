import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ZONE_RULES } from '@xinfang/shared/zone-rules'
import {
  ActionBodySchemas,
  ActionParamsSchema,
  CaseCreatedSchema,
  CaseDetailSchema,
  CaseListSchema,
  CreateCaseBodySchema,
  IdempotencyHeadersSchema,
  ListCasesQuerySchema,
  InfoBodySchema,
  RatingBodySchema,
  ReviewRequestBodySchema,
  type StaffActionName,
} from '@xinfang/shared/contracts/cases'
import { ErrorResponseSchema, IdParamsSchema } from '@xinfang/shared/contracts/common'
import type { Static, TSchema } from 'typebox'
import { AppError } from '../../lib/app-error'
import type { Actor, ResidentActor, StaffActor } from '../../plugins/auth'
import type { Q } from '../../db/database'
import { idempotentWrite } from '../idempotency/idempotent-write'
import type { CaseContext } from './case-context'
import { caseDetail, listCases } from './case-queries'
import { provideInfo, rateCase, requestReview } from './feedback'
import { revealPii } from './reveal'
import { RevealBodySchema, RevealResultSchema } from '@xinfang/shared/contracts/workbench'
import { actOnCase } from './handling'
import { submitCase } from './submission'

/** the lead units of zones linked directly to their own systems (shared/zone-rules.ts) */
const DIRECTLY_LINKED = new Set<string>(Object.values(ZONE_RULES).flatMap((r) => (r.directLink ? [r.lead] : [])))

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
  413: ErrorResponseSchema,
  422: ErrorResponseSchema,
  429: ErrorResponseSchema,
}
const secured = { tags: ['cases'], security: [{ bearer: [] }] }
const scopeOf = (actor: Actor) => `${actor.type}:${actor.id}`

/** Cases: residents submit, follow and rate theirs; staff move the ones they hold. */
export function caseRoutes(ctx: CaseContext): FastifyPluginAsyncTypebox {
  return async (fastify) => {
    fastify.post(
      '/',
      {
        schema: { ...secured, summary: '提交诉求（自动派发）', headers: IdempotencyHeadersSchema, body: CreateCaseBodySchema, response: { 201: CaseCreatedSchema, 200: CaseCreatedSchema, ...errors } },
        preHandler: fastify.requireResident,
        config: { rateLimit: fastify.rateLimits.public },
      },
      async (request, reply) => {
        const actor = request.actor as ResidentActor
        // group-committed: submissions arriving together share one commit; each answers after it
        const result = await ctx.writes.run((tx) =>
          idempotentWrite(
            ctx.db,
            { scope: scopeOf(actor), key: request.headers['idempotency-key'], request: { route: 'cases.create', body: request.body } },
            async (tx) => ({ statusCode: 201, body: await submitCase(ctx.within(tx), actor, request.body) }),
            ctx.clock.now(),
            tx,
          ),
        )
        if (result.replayed) reply.header('idempotent-replayed', 'true')
        // a case for a unit whose own system takes it (the heating company) has a push in the outbox now: send it without waiting for the next tick
        if (result.statusCode === 201 && result.body.assignments.some((a) => DIRECTLY_LINKED.has(a.unit))) fastify.outbound.kick()
        return reply.status(result.statusCode).send(result.body)
      },
    )

    fastify.get(
      '/',
      { schema: { ...secured, summary: '诉求列表：群众看自己的，工作人员看辖区和本单位的', querystring: ListCasesQuerySchema, response: { 200: CaseListSchema, ...errors } }, preHandler: fastify.requireUser },
      async (request) => listCases(ctx, request.actor, request.query),
    )

    fastify.get(
      '/:id',
      { schema: { ...secured, summary: '诉求详情与办理时间线', params: IdParamsSchema, response: { 200: CaseDetailSchema, ...errors } }, preHandler: fastify.requireUser },
      async (request) => caseDetail(ctx, request.actor, request.params.id),
    )

    /** A retried write with the same Idempotency-Key is not applied twice; it answers with the case as it now stands. */
    const once = async (actor: Actor, key: string | undefined, request: { id: string; [what: string]: unknown }, write: (ctx: CaseContext) => Promise<unknown>) => {
      const work = async (tx: Q) => {
        await write(ctx.within(tx))
        return { statusCode: 200, body: { caseId: request.id } }
      }
      await idempotentWrite(ctx.db, { scope: scopeOf(actor), key, request }, work, ctx.clock.now())
    }

    for (const action of Object.keys(ActionBodySchemas) as StaffActionName[]) {
      fastify.post(
        `/:id/actions/${action}`,
        {
          schema: { ...secured, summary: `办理操作：${action}`, params: IdParamsSchema, headers: IdempotencyHeadersSchema, body: ActionBodySchemas[action], response: { 200: CaseDetailSchema, ...errors } },
          preHandler: fastify.requireStaff,
        },
        async (request) => {
          const actor = request.actor as StaffActor
          const { id } = request.params
          await once(actor, request.headers['idempotency-key'], { action, id, body: request.body }, (ctx) => actOnCase(ctx, actor, id, action, request.body as never))
          return await caseDetail(ctx, actor, id)
        },
      )
    }

    fastify.post(
      '/:id/actions/:action',
      { schema: { ...secured, summary: '未知的办理操作', params: ActionParamsSchema, response: errors }, preHandler: fastify.requireStaff },
      async () => {
        throw new AppError('UNKNOWN_ACTION')
      },
    )

    /** A resident's write on their own case: retried safely, answered with the case as it now stands. */
    const residentWrite = <S extends TSchema>(path: string, summary: string, body: S, write: (ctx: CaseContext, actor: ResidentActor, caseId: string, body: Static<S>) => Promise<unknown>) =>
      fastify.post(
        path,
        {
          schema: { ...secured, summary, params: IdParamsSchema, headers: IdempotencyHeadersSchema, body, response: { 200: CaseDetailSchema, ...errors } },
          preHandler: fastify.requireResident,
        },
        async (request) => {
          const actor = request.actor as ResidentActor
          const { id } = request.params
          const payload = request.body as Static<S>
          await once(actor, request.headers['idempotency-key'], { path, id, body: payload }, (ctx) => write(ctx, actor, id, payload))
          return await caseDetail(ctx, actor, id)
        },
      )

    residentWrite('/:id/rating', '评价答复（满意 / 基本满意 / 不满意），每件一次', RatingBodySchema, (ctx, actor, id, body) => rateCase(ctx, actor, id, body))
    residentWrite('/:id/review-request', '对答复不满意时申请复查；复查后仍不满意，同一接口申请复核（各30个工作日内）', ReviewRequestBodySchema, (ctx, actor, id, body) => requestReview(ctx, actor, id, body))
    residentWrite('/:id/info', '按办理单位的要求补充材料', InfoBodySchema, (ctx, actor, id, body) => provideInfo(ctx, actor, id, body))

    fastify.post(
      '/:id/reveal',
      {
        schema: { ...secured, summary: '查看群众完整的电话、姓名或身份证号（每次查看留痕）', params: IdParamsSchema, body: RevealBodySchema, response: { 200: RevealResultSchema, ...errors } },
        preHandler: fastify.requireStaff,
      },
      async (request) => revealPii(ctx, request.actor as StaffActor, request.params.id, request.body, request.ip),
    )
  }
}
