import fp from 'fastify-plugin'
import jwt from '@fastify/jwt'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Role } from '@xinfang/shared/case-status'
import { AppError } from '../lib/app-error'

/** Who is calling, as the access token says. Staff carry their role and jurisdiction. */
export type Actor =
  | { type: 'resident'; id: string }
  | { type: 'staff'; id: string; role: Role; unit: string; region: string }
export type StaffActor = Extract<Actor, { type: 'staff' }>
export type ResidentActor = Extract<Actor, { type: 'resident' }>

type Claims = { sub: string; typ: 'resident' } | { sub: string; typ: 'staff'; role: Role; unit: string; region: string }

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: Claims
    user: Claims
  }
}

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
  }
  interface FastifyInstance {
    signAccessToken(actor: Actor): string
    /** preHandler guards: any signed-in user, residents only, staff only */
    requireUser: Guard
    /** for public routes that say more to a signed-in user: sets `actor` when a valid token came, else leaves it null */
    identifyUser: Guard
    requireResident: Guard
    requireStaff: Guard
  }
}

const toActor = (c: Claims): Actor =>
  c.typ === 'resident' ? { type: 'resident', id: c.sub } : { type: 'staff', id: c.sub, role: c.role, unit: c.unit, region: c.region }

const toClaims = (a: Actor): Claims =>
  a.type === 'resident' ? { sub: a.id, typ: 'resident' } : { sub: a.id, typ: 'staff', role: a.role, unit: a.unit, region: a.region }

async function verify(request: FastifyRequest): Promise<Actor> {
  if (!request.headers.authorization) throw new AppError('UNAUTHENTICATED')
  try {
    return toActor(await request.jwtVerify<Claims>())
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED') throw new AppError('TOKEN_EXPIRED')
    if (code === 'FST_JWT_NO_AUTHORIZATION_IN_HEADER') throw new AppError('UNAUTHENTICATED')
    throw new AppError('TOKEN_INVALID')
  }
}

/** Access tokens: HS256 JWTs that live 15 minutes; refresh rotation lives in the auth module. */
export default fp(
  async (fastify) => {
    await fastify.register(jwt, {
      secret: fastify.config.auth.jwtSecret,
      sign: { algorithm: 'HS256', expiresIn: fastify.config.auth.accessTokenTtlSec },
      verify: { algorithms: ['HS256'] },
    })
    // set by the guards below before any handler reads it
    fastify.decorateRequest('actor', null as never)
    fastify.decorate('signAccessToken', (actor: Actor) => fastify.jwt.sign(toClaims(actor)))
    fastify.decorate('requireUser', async (request: FastifyRequest) => {
      request.actor = await verify(request)
    })
    fastify.decorate('identifyUser', async (request: FastifyRequest) => {
      if (!request.headers.authorization) return
      try {
        request.actor = toActor(await request.jwtVerify<Claims>())
      } catch {
        // an expired or bad token on a public page is the same as none
      }
    })
    fastify.decorate('requireResident', async (request: FastifyRequest) => {
      request.actor = await verify(request)
      if (request.actor.type !== 'resident') throw new AppError('RESIDENT_ONLY')
    })
    fastify.decorate('requireStaff', async (request: FastifyRequest) => {
      request.actor = await verify(request)
      if (request.actor.type !== 'staff') throw new AppError('STAFF_ONLY')
    })
  },
  { name: 'auth', dependencies: ['config'] },
)
