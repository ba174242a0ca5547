import fp from 'fastify-plugin'
import { workbenchRoutes } from './routes'

/** The staff workbench: queues, search, today's figures and whom a case can go to. */
export default fp(
  async (fastify) => {
    await fastify.register(workbenchRoutes(fastify.caseContext), { prefix: '/workbench' })
  },
  { name: 'workbench', dependencies: ['auth', 'security', 'case-context'], encapsulate: true },
)
