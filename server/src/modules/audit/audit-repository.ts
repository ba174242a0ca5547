import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm'
import { CITY } from '@xinfang/shared/places'
import type { Database, Q } from '../../db/database'
import type { Tables } from '../../db/schema/definition'

export type NewAuditEntry = Tables['auditLog']['$inferInsert']

export interface AuditPage {
  /** only entries by staff in this jurisdiction (an admin's own) */
  region: string
  staffId?: string | undefined
  caseId?: string | undefined
  beforeId: number | null
  limit: number
}

/** The audit trail: written inside the transaction of what it records, read by admins only. */
export function createAuditRepository(db: Database, q: Q = db.q) {
  const { auditLog, cases, staff } = db.tables
  return {
    async record(entry: NewAuditEntry): Promise<number> {
      return (await q.insert(auditLog).values(entry).returning({ id: auditLog.id }))[0]!.id
    },
    async list({ region, staffId, caseId, beforeId, limit }: AuditPage) {
      const inRegion: SQL | undefined = region === CITY ? undefined : sql`(${staff.regionCode} = ${region} or ${staff.regionCode} like ${`${region}.%`})`
      return q
        .select({ entry: auditLog, username: staff.username, name: staff.name, trackingNo: cases.trackingNo })
        .from(auditLog)
        .innerJoin(staff, eq(staff.id, auditLog.staffId))
        .leftJoin(cases, eq(cases.id, auditLog.caseId))
        .where(and(inRegion, staffId ? eq(auditLog.staffId, staffId) : undefined, caseId ? eq(auditLog.caseId, caseId) : undefined, beforeId ? lt(auditLog.id, beforeId) : undefined))
        .orderBy(desc(auditLog.id))
        .limit(limit)
    },
  }
}

export type AuditRepository = ReturnType<typeof createAuditRepository>
