import fp from 'fastify-plugin'
import { seedDemo } from '../db/demo-seed'
import { seedDemoZones } from '../db/demo-zones'
import { ensureReferenceData } from '../db/reference-data'

/** Reference data on every start; demo accounts, housing projects and heat stations when the configuration asks for them. */
export default fp(
  async (fastify) => {
    await ensureReferenceData(fastify.db)
    if (fastify.config.demo.seed) {
      const added = await seedDemo(fastify.db, fastify.pii, { password: fastify.config.demo.password, env: fastify.config.env, now: fastify.clock.now() })
      if (added > 0) fastify.log.info({ added }, 'demo staff accounts seeded')
      const places = await seedDemoZones(fastify.db, fastify.clock.now())
      if (places > 0) fastify.log.info({ added: places }, 'demo housing projects and heat stations seeded')
    }
  },
  { name: 'bootstrap', dependencies: ['db', 'pii'] },
)
