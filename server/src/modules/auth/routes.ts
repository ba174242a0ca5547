import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  AlipayLoginBodySchema,
  AuthResultSchema,
  CityAppLoginBodySchema,
  PhoneVerificationBodySchema,
  RefreshBodySchema,
  ResidentUserSchema,
  SessionUserSchema,
  StaffLoginBodySchema,
  WechatLoginBodySchema,
} from '@xinfang/shared/contracts/auth'
import { ErrorResponseSchema } from '@xinfang/shared/contracts/common'
import { AppError } from '../../lib/app-error'
import { createAuthService } from './auth-service'
import { createPhoneVerification } from './phone-verification'
import { createResidentRepository } from './resident-repository'
import { createSessionService } from './session-service'
import { createStaffRepository } from './staff-repository'
import { residentUser, staffUser } from './user-views'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 429: ErrorResponseSchema, 503: ErrorResponseSchema }
const loginResponse = { 200: AuthResultSchema, ...errors }

/** Sign-in for residents (through their platform) and staff (username and password). */
const authRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const residents = createResidentRepository(fastify.db, fastify.pii)
  const staff = createStaffRepository(fastify.db)
  const auth = await createAuthService({
    residents,
    staff,
    sessions: createSessionService(fastify.db, fastify.config.auth.refreshTokenTtlDays),
    platforms: fastify.platforms,
    views: fastify.pii,
    signAccessToken: fastify.signAccessToken,
    accessTokenTtlSec: fastify.config.auth.accessTokenTtlSec,
    clock: fastify.clock,
    log: fastify.log.child({ module: 'auth' }),
  })
  const phoneVerification = createPhoneVerification({ residents, phones: fastify.platforms.phones, clock: fastify.clock })
  const login = { tags: ['auth'], response: loginResponse }
  const rateLimit = fastify.rateLimits.login
  // Platform codes and refresh tokens are one-time and unguessable, so there is nothing to brute
  // force; what matters is not refusing a whole neighbourhood that shares one carrier NAT address.
  const crowd = { rateLimit: fastify.rateLimits.crowd }

  fastify.post('/wechat', { schema: { ...login, summary: '微信小程序登录（wx.login 的 code）', body: WechatLoginBodySchema }, config: crowd }, (request) =>
    auth.loginWithWechat(request.body.code),
  )
  fastify.post('/alipay', { schema: { ...login, summary: '支付宝小程序登录（my.getAuthCode 的 authCode）', body: AlipayLoginBodySchema }, config: crowd }, (request) =>
    auth.loginWithAlipay(request.body.authCode),
  )
  fastify.post('/cityapp', { schema: { ...login, summary: '城市App实名登录（桥接票据）', body: CityAppLoginBodySchema }, config: crowd }, (request) =>
    auth.loginWithCityApp(request.body.ticket),
  )
  fastify.post('/staff', { schema: { ...login, summary: '工作人员登录', body: StaffLoginBodySchema }, config: { rateLimit } }, (request) =>
    auth.loginStaff(request.body),
  )
  fastify.post('/refresh', { schema: { ...login, summary: '轮换刷新令牌', body: RefreshBodySchema }, config: crowd }, async (request) =>
    auth.refresh(request.body.refreshToken),
  )
  fastify.post('/logout', { schema: { tags: ['auth'], summary: '退出登录', body: RefreshBodySchema, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    await auth.logout(request.body.refreshToken)
    return reply.status(204).send(null)
  })
  fastify.post(
    '/phone',
    {
      schema: { tags: ['auth'], summary: '验证手机号（小程序手机号授权）', security: [{ bearer: [] }], body: PhoneVerificationBodySchema, response: { 200: ResidentUserSchema, 403: ErrorResponseSchema, ...errors } },
      // per resident, not per address: neighbours verifying at once to co-sign share one NAT address
      config: { rateLimit: fastify.rateLimits.perUser },
      preHandler: fastify.requireResident,
    },
    async (request) => residentUser(await phoneVerification.verify(request.actor.id, request.body), fastify.pii),
  )
  fastify.get('/me', { schema: { tags: ['auth'], summary: '当前登录者', security: [{ bearer: [] }], response: { 200: SessionUserSchema, ...errors } }, preHandler: fastify.requireUser }, async (request) => {
    const { actor } = request
    const row = actor.type === 'resident' ? await residents.findById(actor.id) : await staff.findById(actor.id)
    if (!row) throw new AppError('TOKEN_INVALID')
    return 'platform' in row ? residentUser(row, fastify.pii) : staffUser(row)
  })
}

export default authRoutes
