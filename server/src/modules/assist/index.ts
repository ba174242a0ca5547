import fp from 'fastify-plugin'
import { createLlmClient } from '../../integrations/llm'
import { createCaseContext } from '../cases/case-context'
import { createDraftWriter } from './draft-writer'
import { assistRoutes } from './routes'

/**
 * The assistant's routes at /assist. The recommender itself is the root `assistant` decorator
 * (assistant-plugin.ts); the outside model is optional and only ever used for staff drafts.
 */
export default fp(
  async (fastify) => {
    const { llm, integrations } = fastify.config
    const client = llm ? createLlmClient({ ...llm, retries: integrations.retries }) : null
    await fastify.register(assistRoutes(createCaseContext(fastify), createDraftWriter(client, fastify.log)), { prefix: '/assist' })
  },
  { name: 'assist', dependencies: ['assistant', 'db', 'auth', 'pii', 'security', 'audit'], encapsulate: true },
)
