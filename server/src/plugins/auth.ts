import fp from 'fastify-plugin'
import { createSigner, createVerifier, TokenError } from 'fast-jwt'
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

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
  }
  interface FastifyInstance {
    /** an access token for `actor`, living `ttlSec` (the configured lifetime unless given) */
    signAccessToken(actor: Actor, ttlSec?: number): string
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

/** `Authorization: Bearer <token>`: the token, or null when the header has another form */
const bearerToken = (header: string): string | null => {
  const space = header.indexOf(' ')
  return space > 0 && header.slice(0, space).toLowerCase() === 'bearer' ? header.slice(space + 1).trim() || null : null
}

/**
 * Access tokens: HS256 JWTs that live 15 minutes; refresh rotation lives in the auth module.
 * fast-jwt is used directly, verifying synchronously: every signed-in request passes through
 * here, and a plugin layer around it cost more than the signature check itself.
 */
export default fp(
  async (fastify) => {
    const { jwtSecret, accessTokenTtlSec } = fastify.config.auth
    const verifyToken = createVerifier({ key: jwtSecret, algorithms: ['HS256'] }) as (token: string) => Claims
    const signerFor = (ttlSec: number) => createSigner({ key: jwtSecret, algorithm: 'HS256', expiresIn: ttlSec * 1000 }) as (claims: Claims) => string
    const sign = signerFor(accessTokenTtlSec)

    /** the caller as their token says; throws the resident-readable error when it says nothing valid */
    const actorOf = (request: FastifyRequest): Actor => {
      const header = request.headers.authorization
      if (!header) throw new AppError('UNAUTHENTICATED')
      const token = bearerToken(header)
      if (!token) throw new AppError('TOKEN_INVALID')
      try {
        return toActor(verifyToken(token))
      } catch (error) {
        if (error instanceof TokenError && error.code === TokenError.codes.expired) throw new AppError('TOKEN_EXPIRED')
        throw new AppError('TOKEN_INVALID')
      }
    }

    // set by the guards below before any handler reads it
    fastify.decorateRequest('actor', null as never)
    fastify.decorate('signAccessToken', (actor: Actor, ttlSec?: number) => (ttlSec === undefined ? sign : signerFor(ttlSec))(toClaims(actor)))
    fastify.decorate('requireUser', async (request: FastifyRequest) => {
      request.actor = actorOf(request)
    })
    fastify.decorate('identifyUser', async (request: FastifyRequest) => {
      if (!request.headers.authorization) return
      try {
        request.actor = actorOf(request)
      } catch {
        // an expired or bad token on a public page is the same as none
      }
    })
    fastify.decorate('requireResident', async (request: FastifyRequest) => {
      request.actor = actorOf(request)
      if (request.actor.type !== 'resident') throw new AppError('RESIDENT_ONLY')
    })
    fastify.decorate('requireStaff', async (request: FastifyRequest) => {
      request.actor = actorOf(request)
      if (request.actor.type !== 'staff') throw new AppError('STAFF_ONLY')
    })
  },
  { name: 'auth', dependencies: ['config'] },
)
