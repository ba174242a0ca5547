import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Db } from '../../db/client'
import type { ReadSnapshot } from '../../db/read-snapshot'
import type { GroupCommit } from '../../lib/group-commit'
import type { Clock } from '../../lib/clock'
import type { PiiCipher } from '../../lib/pii'
import type { AuditRepository } from '../audit/audit-repository'
import type { Assistant } from '../assist/recommendation'
import { createResidentRepository, type ResidentRepository } from '../auth/resident-repository'
import { createStaffRepository, type StaffRepository } from '../auth/staff-repository'
import { createOutbox, type Outbox } from '../notifications/outbox'
import { createStaffNotices, type StaffNotices } from '../notifications/staff-notices'
import { createRuleRepository, type RuleRepository } from '../dispatch/rule-repository'
import { createFileRepository, type FileRepository } from '../files/file-repository'
import type { UrlSigner } from '../files/signed-url'
import { fileUrlSigner } from '../files/file-views'
import { createCaseRepository, type CaseRepository } from './case-repository'

/** What the case use cases work with; built once by each plugin that works on cases. */
export interface CaseContext {
  db: Db
  /** the app's group commit, for the hot writes (submissions) */
  writes: GroupCommit
  /** one read transaction around a request's reads */
  read: ReadSnapshot
  cases: CaseRepository
  files: FileRepository
  staff: StaffRepository
  residents: ResidentRepository
  outbox: Outbox
  /** work notices to staff, through the same outbox */
  staffNotices: StaffNotices
  audit: AuditRepository
  /** the local recommender, for submissions that name no category */
  assistant: Assistant
  rules: RuleRepository
  pii: PiiCipher
  clock: Clock
  signer: UrlSigner
}

function createCaseContext(fastify: FastifyInstance): CaseContext {
  const outbox = createOutbox(fastify.db)
  return {
    db: fastify.db,
    writes: fastify.writes,
    read: fastify.readSnapshot,
    cases: createCaseRepository(fastify.db),
    files: createFileRepository(fastify.db),
    staff: createStaffRepository(fastify.db),
    residents: createResidentRepository(fastify.db, fastify.pii),
    outbox,
    staffNotices: createStaffNotices(fastify.db, outbox),
    audit: fastify.audit,
    assistant: fastify.assistant,
    rules: createRuleRepository(fastify.db),
    pii: fastify.pii,
    clock: fastify.clock,
    signer: fileUrlSigner(fastify.config.auth.jwtSecret),
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** the case repositories and services' context, built once for every module that works on cases */
    caseContext: CaseContext
  }
}

/** Builds the case context once, at the root: cases, workbench, co-sign, the assistant and jobs share it. */
export const caseContextPlugin = fp(
  async (fastify) => {
    fastify.decorate('caseContext', createCaseContext(fastify))
  },
  { name: 'case-context', dependencies: ['db', 'pii', 'config', 'audit', 'assistant'] },
)
