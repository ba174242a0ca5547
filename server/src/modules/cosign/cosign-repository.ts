import { and, count, desc, eq, gte, isNull, lt, sql, type Column } from 'drizzle-orm'
import type { Database, Q } from '../../db/database'
import type { Tables } from '../../db/schema/definition'
import type { StaffActor } from '../../plugins/auth'
import { visibleTo } from '../cases/case-repository'

type CaseRow = Tables['cases']['$inferSelect']
export type CampaignRow = Tables['cosignCampaigns']['$inferSelect']
type NewCampaign = Tables['cosignCampaigns']['$inferInsert']
export type WarningRow = Tables['cosignWarnings']['$inferSelect']
type NewWarning = Tables['cosignWarnings']['$inferInsert']
export type SigningCase = Pick<CaseRow, 'id' | 'status' | 'ownerId' | 'title' | 'trackingNo' | 'streetCode' | 'regionCode'>
/** A campaign and its case as the signing path reads them, in one query. */
export interface SigningTarget {
  campaign: Pick<CampaignRow, 'id' | 'status'>
  case: SigningCase
}
export interface SignerIdentity {
  verified: boolean
  idNumberHash: string | null
  phoneHash: string | null
  phoneVerifiedAt: Date | null
}

const sqlAdd = (column: Column, delta: number) => sql`${column} + ${delta}`

/**
 * Every read and write of joint complaints. The signing path reads only the few columns it
 * needs, not the whole case and resident rows: a storm runs it tens of thousands of times.
 */
export function createCosignRepository(db: Database, q: Q = db.q) {
  const t = db.tables
  const { cases, cosignCampaigns, cosignSignatures, cosignWarnings, residents } = t
  const first = <T>(rows: T[]): T | null => rows[0] ?? null
  // bounded counts: we only ever need to know whether a limit is reached
  const boundedCount = async (where: ReturnType<typeof and>, limit: number) => {
    const rows = await q.select({ one: cosignSignatures.id }).from(cosignSignatures).where(where).limit(limit)
    return rows.length
  }

  return {
    byTokenId: async (tokenId: string): Promise<CampaignRow | null> => first(await q.select().from(cosignCampaigns).where(eq(cosignCampaigns.tokenId, tokenId))),
    byCaseId: async (caseId: string): Promise<CampaignRow | null> => first(await q.select().from(cosignCampaigns).where(eq(cosignCampaigns.caseId, caseId))),
    async signingTarget(tokenId: string): Promise<SigningTarget | null> {
      const row = first(
        await q
          .select({
            campaignId: cosignCampaigns.id,
            campaignStatus: cosignCampaigns.status,
            id: cases.id,
            status: cases.status,
            ownerId: cases.ownerId,
            title: cases.title,
            trackingNo: cases.trackingNo,
            streetCode: cases.streetCode,
            regionCode: cases.regionCode,
          })
          .from(cosignCampaigns)
          .innerJoin(cases, eq(cases.id, cosignCampaigns.caseId))
          .where(eq(cosignCampaigns.tokenId, tokenId)),
      )
      if (!row) return null
      const { campaignId, campaignStatus, ...signingCase } = row
      return { campaign: { id: campaignId, status: campaignStatus }, case: signingCase }
    },
    signerIdentity: async (residentId: string): Promise<SignerIdentity | null> =>
      first(
        await q
          .select({ verified: residents.verified, idNumberHash: residents.idNumberHash, phoneHash: residents.phoneHash, phoneVerifiedAt: residents.phoneVerifiedAt })
          .from(residents)
          .where(eq(residents.id, residentId)),
      ),
    async insertCampaign(row: NewCampaign): Promise<CampaignRow> {
      return (await q.insert(cosignCampaigns).values(row).returning())[0]!
    },
    async updateCampaign(id: string, patch: Partial<NewCampaign>): Promise<void> {
      await q.update(cosignCampaigns).set(patch).where(eq(cosignCampaigns.id, id))
    },

    hasSigned: async (campaignId: string, identity: string): Promise<boolean> =>
      (await boundedCount(and(eq(cosignSignatures.campaignId, campaignId), eq(cosignSignatures.identityHash, identity), isNull(cosignSignatures.withdrawnAt)), 1)) > 0,
    /** How many signatures this identity made since `since`, counting no further than `limit`. */
    identitySignsSince: (identity: string, since: Date, limit: number): Promise<number> =>
      boundedCount(and(eq(cosignSignatures.identityHash, identity), gte(cosignSignatures.signedAt, since)), limit),
    ipSignsSince: (campaignId: string, ipHash: string, since: Date, limit: number): Promise<number> =>
      boundedCount(and(eq(cosignSignatures.campaignId, campaignId), eq(cosignSignatures.ipHash, ipHash), gte(cosignSignatures.signedAt, since)), limit),
    async insertSignature(row: { campaignId: string; residentId: string; identity: string; ipHash: string; at: Date }): Promise<void> {
      await db.insertRows(q, cosignSignatures, [{ campaignId: row.campaignId, residentId: row.residentId, identityHash: row.identity, ipHash: row.ipHash, signedAt: row.at }])
    },
    /** Moves the kept count by `delta` and answers the new count: one row, locked by the update until commit. */
    async addToCount(campaignId: string, delta: 1 | -1): Promise<number> {
      const [row] = await q
        .update(cosignCampaigns)
        .set({ signatureCount: sqlAdd(cosignCampaigns.signatureCount, delta) })
        .where(eq(cosignCampaigns.id, campaignId))
        .returning({ n: cosignCampaigns.signatureCount })
      return row!.n
    },
    /** When the n-th most recent signature (1-based) was made, or null if there are fewer. */
    async nthRecentSignedAt(campaignId: string, n: number): Promise<Date | null> {
      const row = first(
        await q
          .select({ at: cosignSignatures.signedAt })
          .from(cosignSignatures)
          .where(eq(cosignSignatures.campaignId, campaignId))
          .orderBy(desc(cosignSignatures.signedAt))
          .limit(1)
          .offset(n - 1),
      )
      return row?.at ?? null
    },
    async withdraw(campaignId: string, identity: string, at: Date): Promise<boolean> {
      const rows = await q
        .update(cosignSignatures)
        .set({ withdrawnAt: at })
        .where(and(eq(cosignSignatures.campaignId, campaignId), eq(cosignSignatures.identityHash, identity), isNull(cosignSignatures.withdrawnAt)))
        .returning({ id: cosignSignatures.id })
      return rows.length > 0
    },
    /** Distinct addresses and the largest one's share of the signatures since `since`. */
    async ipSpread(campaignId: string, since: Date): Promise<{ addresses: number; largest: number; signatures: number }> {
      const rows = await q
        .select({ n: count() })
        .from(cosignSignatures)
        .where(and(eq(cosignSignatures.campaignId, campaignId), gte(cosignSignatures.signedAt, since)))
        .groupBy(cosignSignatures.ipHash)
      return { addresses: rows.length, largest: Math.max(0, ...rows.map((r) => r.n)), signatures: rows.reduce((sum, r) => sum + r.n, 0) }
    },
    /** Every signature's signing and withdrawal time, for the growth curve. */
    async signatureTimes(campaignId: string): Promise<{ signedAt: Date; withdrawnAt: Date | null }[]> {
      return q.select({ signedAt: cosignSignatures.signedAt, withdrawnAt: cosignSignatures.withdrawnAt }).from(cosignSignatures).where(eq(cosignSignatures.campaignId, campaignId))
    },

    async warnedKeys(campaignId: string): Promise<string[]> {
      const rows = await q.select({ kind: cosignWarnings.kind, threshold: cosignWarnings.threshold }).from(cosignWarnings).where(eq(cosignWarnings.campaignId, campaignId))
      return rows.map((w) => `${w.kind}:${w.threshold}`)
    },
    async insertWarning(row: NewWarning): Promise<WarningRow | null> {
      return first(await q.insert(cosignWarnings).values(row).onConflictDoNothing().returning())
    },
    /** Warnings on cases the actor may see, newest first. */
    async warningsVisibleTo(actor: StaffActor, beforeId: number | null, limit: number) {
      return q
        .select({ warning: cosignWarnings, trackingNo: cases.trackingNo, title: cases.title, count: cosignCampaigns.signatureCount })
        .from(cosignWarnings)
        .innerJoin(cases, eq(cases.id, cosignWarnings.caseId))
        .innerJoin(cosignCampaigns, eq(cosignCampaigns.id, cosignWarnings.campaignId))
        .where(and(visibleTo(t, actor), beforeId ? lt(cosignWarnings.id, beforeId) : undefined))
        .orderBy(desc(cosignWarnings.id))
        .limit(limit)
    },
  }
}

export type CosignRepository = ReturnType<typeof createCosignRepository>
