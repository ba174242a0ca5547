import fp from 'fastify-plugin'
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import { AppError } from '../lib/app-error'

declare module 'fastify' {
  interface FastifyInstance {
    /** route-level rate limits: `config: { rateLimit: fastify.rateLimits.login }` */
    rateLimits: { login: { max: number; timeWindow: number }; public: { max: number; timeWindow: number } }
  }
}

/**
 * Security headers, CORS only for configured origins (mini-programs send no Origin; the H5
 * app is same-origin), and rate limits that public and login routes opt into.
 */
export default fp(
  async (fastify) => {
    const { corsOrigins, rateLimit: limits } = fastify.config
    await fastify.register(helmet, { contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'same-site' } })
    await fastify.register(cors, { origin: corsOrigins.length > 0 ? corsOrigins : false, credentials: false })
    await fastify.register(rateLimit, {
      global: false,
      errorResponseBuilder: () => new AppError('RATE_LIMITED'),
    })
    fastify.decorate('rateLimits', {
      login: { max: limits.loginMax, timeWindow: limits.windowMs },
      public: { max: limits.publicMax, timeWindow: limits.windowMs },
    })
  },
  { name: 'security', dependencies: ['config'] },
)
