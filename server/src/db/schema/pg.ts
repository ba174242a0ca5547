import { defineSchema } from './definition'
import { pgKit } from './kit'

/** The PostgreSQL tables, for drizzle-kit (drizzle.pg.config.ts) and the PostgreSQL engine. */
export const tables = defineSchema(pgKit)
export const {
  units, residents, staff, staffNoticeSettings, refreshTokens, cases, caseAssignments, caseEvents, files, dispatchRules,
  idempotencyKeys, escalations, auditLog, notifications, cosignCampaigns, cosignSignatures, cosignWarnings, rateLimits,
  housingProjects, heatStations, zoneCases, outboundPushes, webhookNonces, webhookEvents,
} = tables
