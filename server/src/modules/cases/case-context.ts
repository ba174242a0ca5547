import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Database, Q } from '../../db/database'
import type { GroupCommit } from '../../lib/group-commit'
import type { Clock } from '../../lib/clock'
import type { PiiCipher } from '../../lib/pii'
import { createAuditRepository, type AuditRepository } from '../audit/audit-repository'
import type { Assistant } from '../assist/recommendation'
import { createResidentRepository, type ResidentRepository } from '../auth/resident-repository'
import { createStaffRepository, type StaffRepository } from '../auth/staff-repository'
import { createOutbox, type Outbox } from '../notifications/outbox'
import { createStaffNotices, type StaffNotices } from '../notifications/staff-notices'
import { createRuleRepository, type RuleRepository } from '../dispatch/rule-repository'
import { createFileRepository, type FileRepository } from '../files/file-repository'
import type { UrlSigner } from '../files/signed-url'
import { fileUrlSigner } from '../files/file-views'
import { createOutboundRepository, type OutboundRepository } from '../outbound/outbound-repository'
import { createZoneRepository, type ZoneRepository } from '../zones/zone-repository'
import { createCaseRepository, type CaseRepository } from './case-repository'

/** What the case use cases work with; built once by each plugin that works on cases. */
export interface CaseContext {
  db: Database
  /** the query handle the repositories below work on: the database, or the transaction this context was made for */
  q: Q
  /** the app's group commit, for the hot writes (submissions) */
  writes: GroupCommit
  /**
   * Runs `work` in one transaction, with a context whose repositories work in it. Name the
   * argument `ctx` too, so the outer context cannot be reached by mistake inside.
   */
  transaction<T>(work: (ctx: CaseContext) => Promise<T>): Promise<T>
  /** Runs `work`'s reads on one moment of the database (a detail and its timeline). */
  snapshot<T>(work: (ctx: CaseContext) => Promise<T>): Promise<T>
  /** this context, its repositories on `q` (a transaction the caller holds) */
  within(q: Q): CaseContext
  cases: CaseRepository
  files: FileRepository
  staff: StaffRepository
  residents: ResidentRepository
  /** the livelihood zones' directories and zone cases' forms */
  zones: ZoneRepository
  outbox: Outbox
  /** pushes to outside systems (the heating company's work orders), in the same transaction as the change */
  outbound: OutboundRepository
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

interface Services {
  db: Database
  writes: GroupCommit
  audit: (q: Q) => AuditRepository
  assistant: Assistant
  pii: PiiCipher
  clock: Clock
  signer: UrlSigner
}

/** The context on handle `q`: its repositories are cheap to make, one set per transaction. */
function contextOn(services: Services, q: Q, rules: RuleRepository): CaseContext {
  const { db } = services
  const outbox = createOutbox(db, q)
  const ctx: CaseContext = {
    db,
    q,
    writes: services.writes,
    transaction: (work) => (q === db.q ? db.transaction((tx) => work(contextOn(services, tx, rules))) : q.transaction((tx) => work(contextOn(services, tx, rules)))),
    snapshot: (work) => (q === db.q ? db.snapshot((tx) => work(contextOn(services, tx, rules))) : work(ctx)),
    within: (tx) => contextOn(services, tx, rules),
    cases: createCaseRepository(db, q),
    files: createFileRepository(db, q),
    staff: createStaffRepository(db, q),
    residents: createResidentRepository(db, services.pii, q),
    zones: createZoneRepository(db, q),
    outbox,
    outbound: createOutboundRepository(db, q),
    staffNotices: createStaffNotices(db, outbox, q),
    audit: services.audit(q),
    assistant: services.assistant,
    // the rules' cache is the process's, whichever handle reads them
    rules,
    pii: services.pii,
    clock: services.clock,
    signer: services.signer,
  }
  return ctx
}

function createCaseContext(fastify: FastifyInstance): CaseContext {
  const { db } = fastify
  const services: Services = {
    db,
    writes: fastify.writes,
    audit: (q) => createAuditRepository(db, q),
    assistant: fastify.assistant,
    pii: fastify.pii,
    clock: fastify.clock,
    signer: fileUrlSigner(fastify.config.auth.jwtSecret),
  }
  return contextOn(services, db.q, createRuleRepository(db))
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
