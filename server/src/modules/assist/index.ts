import fp from 'fastify-plugin'
import { createLlmClient } from '../../integrations/llm'
import { createDraftWriter } from './draft-writer'
import { createReranker } from './reranker'
import { assistRoutes } from './routes'

/**
 * The assistant's routes at /assist. The recommender itself is the root `assistant` decorator
 * (assistant-plugin.ts); the outside model is optional and only ever used for staff: drafts,
 * summaries, and a second opinion on the ranking of a registered case.
 */
export default fp(
  async (fastify) => {
    const { llm, integrations } = fastify.config
    const client = llm ? createLlmClient({ ...llm, retries: integrations.retries }) : null
    const routes = assistRoutes(fastify.caseContext, createDraftWriter(client, fastify.log), createReranker(client, fastify.log))
    await fastify.register(routes, { prefix: '/assist' })
  },
  { name: 'assist', dependencies: ['assistant', 'auth', 'security', 'case-context'], encapsulate: true },
)
