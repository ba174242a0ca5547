import fp from 'fastify-plugin'
import { createZoneRepository } from './zone-repository'
import { zoneRoutes } from './routes'

/** Livelihood zones (民生专区) at /zones: their rules and directories. Zone cases themselves are filed at /cases. */
export default fp(
  async (fastify) => {
    await fastify.register(zoneRoutes(createZoneRepository(fastify.db)), { prefix: '/zones' })
  },
  { name: 'zones', dependencies: ['db', 'security'], encapsulate: true },
)
