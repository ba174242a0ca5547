import fp from 'fastify-plugin'
import { createAuditRepository, type AuditRepository } from './audit-repository'

declare module 'fastify' {
  interface FastifyInstance {
    audit: AuditRepository
  }
}

/** The audit trail, for every module to record into; admins read it through ./routes at /audit. */
export default fp(
  async (fastify) => {
    fastify.decorate('audit', createAuditRepository(fastify.db))
  },
  { name: 'audit', dependencies: ['db'] },
)
