import fp from 'fastify-plugin'
import { heatingWebhookRoutes } from './heating-webhook'
import { zoneRoutes } from './routes'

/**
 * Livelihood zones (民生专区) at /zones: their rules and directories, and the heating company's
 * webhook. Zone cases themselves are filed at /cases.
 */
export default fp(
  async (fastify) => {
    await fastify.register(zoneRoutes(fastify.caseContext), { prefix: '/zones' })
    await fastify.register(heatingWebhookRoutes(fastify.caseContext, fastify.config.heating.webhookSecret), { prefix: '/zones' })
  },
  { name: 'zones', dependencies: ['db', 'security', 'auth', 'case-context', 'outbound'], encapsulate: true },
)
