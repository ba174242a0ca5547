import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'

/** Liveness and readiness in one: answers 200 only when the database answers. */
const healthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/healthz',
    {
      schema: {
        tags: ['ops'],
        summary: '健康检查',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), db: Type.Literal('ok'), time: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), db: Type.String() }),
        },
      },
      logLevel: 'warn',
    },
    async (_request, reply) => {
      try {
        await fastify.db.ping()
        return { status: 'ok' as const, db: 'ok' as const, time: fastify.clock.now().toISOString() }
      } catch (error) {
        fastify.log.error({ err: error }, 'health check: database unavailable')
        return reply.status(503).send({ status: 'unavailable' as const, db: 'error' })
      }
    },
  )
}

export default healthRoutes
