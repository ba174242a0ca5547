import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import cors from '@fastify/cors'
import rateLimit from '@fastify/rate-limit'
import { AppError } from '../lib/app-error'
import { databaseRateLimitStore } from './rate-limit-store'
import { helmetHeaders } from './security-headers'

interface RouteLimit {
  max: number
  timeWindow: number
  keyGenerator?: (request: FastifyRequest) => string
}

declare module 'fastify' {
  interface FastifyInstance {
    /** route-level rate limits: `config: { rateLimit: fastify.rateLimits.login }` */
    rateLimits: {
      login: RouteLimit
      public: RouteLimit
      /** per signed-in user where there is a token, so a neighbourhood behind one carrier NAT address is not refused as one */
      perUser: RouteLimit
      /** per address, sized for a crowd: a public page a whole community may open at once */
      crowd: RouteLimit
    }
  }
}

/** A public page may be opened by this many times more people behind one address than a write. */
const CROWD_FACTOR = 20

/**
 * Security headers, CORS only for configured origins (mini-programs send no Origin; the H5
 * app is same-origin), and rate limits that public and login routes opt into.
 */
export default fp(
  async (fastify) => {
    const { corsOrigins, rateLimit: limits } = fastify.config
    const securityHeaders = helmetHeaders({ contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'same-site' } })
    fastify.addHook('onRequest', (_request, reply, done) => {
      reply.headers(securityHeaders)
      done()
    })
    await fastify.register(cors, { origin: corsOrigins.length > 0 ? corsOrigins : false, credentials: false })
    await fastify.register(rateLimit, {
      global: false,
      errorResponseBuilder: () => new AppError('RATE_LIMITED'),
      // several nodes behind a load balancer count one window together, in the database they share
      ...(limits.store === 'database' ? { store: databaseRateLimitStore(fastify.db) } : {}),
    })
    fastify.decorate('rateLimits', {
      login: { max: limits.loginMax, timeWindow: limits.windowMs },
      public: { max: limits.publicMax, timeWindow: limits.windowMs },
      perUser: {
        max: limits.publicMax,
        timeWindow: limits.windowMs,
        keyGenerator: (request) => {
          const auth = request.headers.authorization
          return auth ? `user:${createHash('sha256').update(auth).digest('base64url')}` : `ip:${request.ip}`
        },
      },
      crowd: { max: limits.publicMax * CROWD_FACTOR, timeWindow: limits.windowMs },
    })
  },
  { name: 'security', dependencies: ['config', 'db'] },
)
