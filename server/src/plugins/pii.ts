import fp from 'fastify-plugin'
import { createPiiCipher, type PiiCipher } from '../lib/pii'

declare module 'fastify' {
  interface FastifyInstance {
    pii: PiiCipher
  }
}

export default fp(
  async (fastify) => {
    fastify.decorate('pii', createPiiCipher(fastify.config.pii.key, fastify.config.pii.hashKey))
  },
  { name: 'pii', dependencies: ['config'] },
)
