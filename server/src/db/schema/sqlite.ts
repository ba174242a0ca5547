import { defineSchema } from './definition'
import { sqliteSchemaKit } from './kit'

/** The SQLite tables, for drizzle-kit (drizzle.sqlite.config.ts) and the SQLite engine. */
export const tables = defineSchema(sqliteSchemaKit)
export const {
  units, residents, staff, staffNoticeSettings, refreshTokens, cases, caseAssignments, caseEvents, files, dispatchRules,
  idempotencyKeys, escalations, auditLog, notifications, cosignCampaigns, cosignSignatures, cosignWarnings, rateLimits,
  housingProjects, heatStations, zoneCases, outboundPushes, webhookNonces, webhookEvents,
} = tables
