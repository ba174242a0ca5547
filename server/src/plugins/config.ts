import fp from 'fastify-plugin'
import type { AppConfig } from '../config'
import type { Clock } from '../lib/clock'

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig
    clock: Clock
  }
}

/** The validated configuration and the clock, available to every plugin registered after. */
export default fp<{ config: AppConfig; clock: Clock }>(
  async (fastify, { config, clock }) => {
    fastify.decorate('config', config)
    fastify.decorate('clock', clock)
  },
  { name: 'config' },
)
