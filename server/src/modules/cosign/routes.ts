import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponseSchema } from '@xinfang/shared/contracts/common'
import { PageQuerySchema } from '@xinfang/shared/contracts/common'
import {
  CosignCreatedSchema,
  CosignParamsSchema,
  CosignPublicSchema,
  CreateCosignBodySchema,
  SignResultSchema,
  WarningListSchema,
} from '@xinfang/shared/contracts/cosign'
import { IdempotencyHeadersSchema } from '@xinfang/shared/contracts/cases'
import { Type } from 'typebox'
import type { ResidentActor, StaffActor } from '../../plugins/auth'
import { idempotentWrite } from '../idempotency/idempotent-write'
import type { CosignContext } from './cosign-context'
import { closeSigning, createCosign, ownCampaign, publicView, sign, withdraw } from './cosign-service'
import { IdParamsSchema } from '@xinfang/shared/contracts/common'
import type { qrImages } from './qr-images'
import { listWarnings } from './warnings-query'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema, 429: ErrorResponseSchema, 503: ErrorResponseSchema }
const tags = ['cosign']
const secured = { tags, security: [{ bearer: [] }] }

/** Joint complaints: create, the public page a scan opens, sign, withdraw, close, the codes. */
export function cosignRoutes(ctx: CosignContext, qr: ReturnType<typeof qrImages>): FastifyPluginAsyncTypebox {
  return async (fastify) => {
    // the address is kept only as a keyed hash, enough to notice a surge from one place
    const ipHashOf = (ip: string) => ctx.cases.pii.hash(`ip:${ip}`)
    const perUser = { rateLimit: fastify.rateLimits.perUser }

    fastify.post(
      '/',
      {
        schema: { ...secured, summary: '发起联名诉求（实名）', headers: IdempotencyHeadersSchema, body: CreateCosignBodySchema, response: { 201: CosignCreatedSchema, 200: CosignCreatedSchema, ...errors } },
        preHandler: fastify.requireResident,
        config: perUser,
      },
      async (request, reply) => {
        const actor = request.actor as ResidentActor
        const result = await idempotentWrite(
          ctx.cases.db,
          { scope: `resident:${actor.id}`, key: request.headers['idempotency-key'], request: { route: 'cosign.create', body: request.body } },
          async (tx) => ({ statusCode: 201, body: await createCosign(ctx.within(tx), actor, request.body, ipHashOf(request.ip)) }),
          ctx.cases.clock.now(),
        )
        if (result.replayed) reply.header('idempotent-replayed', 'true')
        return reply.status(result.statusCode).send(result.body)
      },
    )

    fastify.get(
      '/case/:id',
      { schema: { ...secured, summary: '发起人查看自己联名诉求的二维码和链接', params: IdParamsSchema, response: { 200: CosignCreatedSchema, ...errors } }, preHandler: fastify.requireResident, config: perUser },
      async (request) => ownCampaign(ctx, request.actor as ResidentActor, request.params.id),
    )

    fastify.get(
      '/:token',
      { schema: { tags, summary: '扫码看联名（公开）：诉求内容、联名人数、能否联名', params: CosignParamsSchema, response: { 200: CosignPublicSchema, ...errors } }, preHandler: fastify.identifyUser, config: { rateLimit: fastify.rateLimits.crowd } },
      async (request) => publicView(ctx, request.params.token, request.actor ?? null),
    )

    // Retry-safe without a key: a second signature by the same person is refused with 409 COSIGN_ALREADY_SIGNED.
    fastify.post(
      '/:token/sign',
      { schema: { ...secured, summary: '联名（需实名或已验证手机号，每人一次）', params: CosignParamsSchema, response: { 201: SignResultSchema, ...errors } }, preHandler: fastify.requireResident, config: perUser },
      async (request, reply) => reply.status(201).send(await sign(ctx, request.actor as ResidentActor, request.params.token, ipHashOf(request.ip))),
    )
    fastify.delete(
      '/:token/sign',
      { schema: { ...secured, summary: '撤回联名', params: CosignParamsSchema, response: { 200: SignResultSchema, ...errors } }, preHandler: fastify.requireResident, config: perUser },
      async (request) => withdraw(ctx, request.actor as ResidentActor, request.params.token),
    )
    fastify.post(
      '/:token/close',
      { schema: { ...secured, summary: '发起人结束联名', params: CosignParamsSchema, response: { 200: CosignPublicSchema, ...errors } }, preHandler: fastify.requireResident, config: perUser },
      async (request) => closeSigning(ctx, request.actor as ResidentActor, request.params.token),
    )

    const image = { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errors }
    fastify.get(
      '/:token/qr/weapp',
      { schema: { tags, summary: '微信小程序码', params: CosignParamsSchema, response: image }, config: { rateLimit: fastify.rateLimits.crowd } },
      async (request, reply) => {
        const { body, mime } = await qr.weapp(request.params.token)
        return reply.type(mime).header('cache-control', 'public, max-age=86400').send(body)
      },
    )
    fastify.get(
      '/:token/qr/alipay',
      { schema: { tags, summary: '支付宝小程序二维码（跳转到支付宝生成的图片）', params: CosignParamsSchema, response: { 302: Type.Null(), ...errors } }, config: { rateLimit: fastify.rateLimits.crowd } },
      async (request, reply) => reply.redirect(await qr.alipay(request.params.token), 302),
    )
    fastify.get(
      '/:token/qr/h5',
      { schema: { tags, summary: 'H5 页面二维码', params: CosignParamsSchema, response: image }, config: { rateLimit: fastify.rateLimits.crowd } },
      async (request, reply) => reply.type('image/png').header('cache-control', 'public, max-age=86400').send(await qr.h5(request.params.token)),
    )
  }
}

/** GET /warnings: early warnings on joint complaints within the staff member's jurisdiction. */
export function warningRoutes(ctx: CosignContext): FastifyPluginAsyncTypebox {
  return async (fastify) => {
    fastify.get(
      '/',
      {
        schema: { ...secured, tags: ['cosign'], summary: '联名预警（辖区内），含联名增长曲线', querystring: Type.Object(PageQuerySchema, { additionalProperties: false }), response: { 200: WarningListSchema, ...errors } },
        preHandler: fastify.requireStaff,
      },
      async (request) => listWarnings(ctx, request.actor as StaffActor, request.query),
    )
  }
}
