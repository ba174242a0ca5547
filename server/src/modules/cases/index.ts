import fp from 'fastify-plugin'
import { caseRoutes } from './routes'
import { trackRoutes } from './track-routes'

/** The cases module: /cases for signed-in users, /track for anyone with a tracking number. */
export default fp(
  async (fastify) => {
    const ctx = fastify.caseContext
    await fastify.register(caseRoutes(ctx), { prefix: '/cases' })
    await fastify.register(trackRoutes(ctx), { prefix: '/track' })
  },
  { name: 'cases', dependencies: ['auth', 'security', 'case-context'], encapsulate: true },
)
