import fp from 'fastify-plugin'
import { createCaseContext } from '../cases/case-context'
import { workbenchRoutes } from './routes'

/** The staff workbench: queues, search, today's figures and whom a case can go to. */
export default fp(
  async (fastify) => {
    await fastify.register(workbenchRoutes(createCaseContext(fastify)), { prefix: '/workbench' })
  },
  { name: 'workbench', dependencies: ['db', 'auth', 'pii', 'security', 'audit', 'assistant'], encapsulate: true },
)
