import type { FastifyInstance } from 'fastify'
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
  /** warnings already raised per campaign, so the signing path asks the database only once */
  warned: Map<string, Set<string>>
}

export function createCosignContext(fastify: FastifyInstance): CosignContext {
  const { cosign, auth, publicBaseUrl } = fastify.config
  return {
    cases: fastify.caseContext,
    cosign: createCosignRepository(fastify.db),
    tokens: cosignTokens(auth.jwtSecret),
    rules: parseWarningRules(cosign),
    dailyLimit: cosign.dailyLimit,
    publicBaseUrl,
    warned: new Map(),
  }
}
