import fp from 'fastify-plugin'
import { createAssistant } from './assistant'
import type { Assistant } from './recommendation'

declare module 'fastify' {
  interface FastifyInstance {
    /** the local recommender: synchronous, in-process, no network; see recommendation.ts */
    assistant: Assistant
  }
}

/**
 * The recommender at the root, so any module (cases at submission, jobs) can call
 * `fastify.assistant.recommend(text)`. Built once at start: jieba's dictionary, the gazetteer
 * and the model trained from the committed examples (about a second, the same every time).
 */
export default fp(
  async (fastify) => {
    fastify.decorate('assistant', createAssistant())
  },
  { name: 'assistant' },
)
