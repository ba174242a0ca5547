import fp from 'fastify-plugin'
import { createStaffRepository } from '../auth/staff-repository'
import { createRuleRepository } from '../dispatch/rule-repository'
import { createFileRepository } from '../files/file-repository'
import { fileUrlSigner } from '../files/file-views'
import { createCaseRepository } from './case-repository'
import type { CaseContext } from './case-context'
import { caseRoutes } from './routes'
import { trackRoutes } from './track-routes'

/** The cases module: /cases for signed-in users, /track for anyone with a tracking number. */
export default fp(
  async (fastify) => {
    const ctx: CaseContext = {
      db: fastify.db,
      cases: createCaseRepository(fastify.db),
      files: createFileRepository(fastify.db),
      staff: createStaffRepository(fastify.db),
      rules: createRuleRepository(fastify.db),
      pii: fastify.pii,
      clock: fastify.clock,
      signer: fileUrlSigner(fastify.config.auth.jwtSecret),
    }
    await fastify.register(caseRoutes(ctx), { prefix: '/cases' })
    await fastify.register(trackRoutes(ctx), { prefix: '/track' })
  },
  { name: 'cases', dependencies: ['db', 'auth', 'pii', 'security'], encapsulate: true },
)
