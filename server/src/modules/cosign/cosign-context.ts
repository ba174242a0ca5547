import type { FastifyInstance } from 'fastify'
import type { Q } from '../../db/database'
import type { CaseContext } from '../cases/case-context'
import { cosignTokens, type CosignTokens } from './cosign-token'
import { createCosignRepository, type CosignRepository } from './cosign-repository'
import { parseWarningRules, type WarningRules } from './warning-rules'

/** What the joint-complaint use cases work with; built once by the cosign plugin. */
export interface CosignContext {
  cases: CaseContext
  cosign: CosignRepository
  tokens: CosignTokens
  rules: WarningRules
  dailyLimit: number
  publicBaseUrl: string
  /**
   * Warnings this process knows are raised, per campaign, so the signing path asks the database
   * only once. A hint, not the record: the warnings table (unique per campaign, kind and
   * threshold) decides, so a node whose hint is behind another node's raises nothing twice.
   */
  warned: Map<string, Set<string>>
  /** this context, its repositories on `tx` (a transaction the caller holds) */
  within(tx: Q): CosignContext
}

export function createCosignContext(fastify: FastifyInstance): CosignContext {
  const { cosign, auth, publicBaseUrl } = fastify.config
  const { db, caseContext } = fastify
  const root: CosignContext = {
    cases: caseContext,
    cosign: createCosignRepository(db),
    tokens: cosignTokens(auth.jwtSecret),
    rules: parseWarningRules(cosign),
    dailyLimit: cosign.dailyLimit,
    publicBaseUrl,
    warned: new Map(),
    within: (tx) => ({ ...root, cases: caseContext.within(tx), cosign: createCosignRepository(db, tx) }),
  }
  return root
}
