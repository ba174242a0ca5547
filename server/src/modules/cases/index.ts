import fp from 'fastify-plugin'
import { createCaseContext } from './case-context'
import { caseRoutes } from './routes'
import { trackRoutes } from './track-routes'

/** The cases module: /cases for signed-in users, /track for anyone with a tracking number. */
export default fp(
  async (fastify) => {
    const ctx = createCaseContext(fastify)
    await fastify.register(caseRoutes(ctx), { prefix: '/cases' })
    await fastify.register(trackRoutes(ctx), { prefix: '/track' })
  },
  { name: 'cases', dependencies: ['db', 'auth', 'pii', 'security', 'audit', 'assistant'], encapsulate: true },
)
