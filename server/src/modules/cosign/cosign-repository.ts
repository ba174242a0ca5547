import { and, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, cosignCampaigns, cosignSignatures, cosignWarnings } from '../../db/schema'
import type { StaffActor } from '../../plugins/auth'
import { visibleTo } from '../cases/case-repository'

export type CampaignRow = typeof cosignCampaigns.$inferSelect
export type WarningRow = typeof cosignWarnings.$inferSelect
export type SigningCase = Pick<typeof cases.$inferSelect, 'id' | 'status' | 'ownerId' | 'title' | 'trackingNo' | 'streetCode' | 'regionCode'>
/** A campaign and its case as the signing path reads them, in one query. */
export interface SigningTarget {
  campaign: Pick<CampaignRow, 'id' | 'status'>
  case: SigningCase
}
/** Raw from SQLite: flags as 0/1 and times as epoch milliseconds; only their truth is read. */
export interface SignerIdentity {
  verified: boolean | number
  idNumberHash: string | null
  phoneHash: string | null
  phoneVerifiedAt: Date | number | null
}

const p = (name: string) => sql.placeholder(name)

/**
 * Every read and write of joint complaints. The ones on the signing path are prepared once:
 * a signature storm runs them tens of thousands of times.
 */
export function createCosignRepository(db: Db) {
  const statements = {
    byTokenId: db.select().from(cosignCampaigns).where(eq(cosignCampaigns.tokenId, p('tokenId'))).prepare(),
    byCaseId: db.select().from(cosignCampaigns).where(eq(cosignCampaigns.caseId, p('caseId'))).prepare(),
    // the few columns the signing path reads, not the whole case and resident rows
  }
  // The signing path in plain SQL on the driver: a storm runs each of these tens of thousands of
  // times, and the query builder's row mapping was a good part of a signature's cost.
  const raw = db.$client
  const hot = {
    target: raw.prepare(
      `select c.id as campaignId, c.status as campaignStatus, k.id, k.status, k.owner_id as ownerId, k.title, k.tracking_no as trackingNo, k.street_code as streetCode, k.region_code as regionCode
       from cosign_campaigns c join cases k on k.id = c.case_id where c.token_id = ?`,
    ),
    identity: raw.prepare('select verified, id_number_hash as idNumberHash, phone_hash as phoneHash, phone_verified_at as phoneVerifiedAt from residents where id = ?'),
    signed: raw.prepare('select 1 from cosign_signatures where campaign_id = ? and identity_hash = ? and withdrawn_at is null').pluck(),
    insert: raw.prepare('insert into cosign_signatures (campaign_id, resident_id, identity_hash, ip_hash, signed_at) values (?, ?, ?, ?, ?)'),
    addToCount: raw.prepare('update cosign_campaigns set signature_count = signature_count + ? where id = ? returning signature_count').pluck(),
    nthRecent: raw.prepare('select signed_at from cosign_signatures where campaign_id = ? order by signed_at desc limit 1 offset ?').pluck(),
    // bounded counts: we only ever need to know whether a limit is reached
    identitySince: raw.prepare('select count(*) from (select 1 from cosign_signatures where identity_hash = ? and signed_at >= ? limit ?)').pluck(),
    ipSince: raw.prepare('select count(*) from (select 1 from cosign_signatures where campaign_id = ? and ip_hash = ? and signed_at >= ? limit ?)').pluck(),
  }

  return {
    byTokenId: (tokenId: string): CampaignRow | null => statements.byTokenId.get({ tokenId }) ?? null,
    byCaseId: (caseId: string): CampaignRow | null => statements.byCaseId.get({ caseId }) ?? null,
    signingTarget(tokenId: string): SigningTarget | null {
      const row = hot.target.get(tokenId) as (SigningCase & { campaignId: string; campaignStatus: CampaignRow['status'] }) | undefined
      if (!row) return null
      const { campaignId, campaignStatus, ...signingCase } = row
      return { campaign: { id: campaignId, status: campaignStatus }, case: signingCase }
    },
    signerIdentity: (residentId: string): SignerIdentity | null => (hot.identity.get(residentId) as SignerIdentity | undefined) ?? null,
    insertCampaign(row: typeof cosignCampaigns.$inferInsert): CampaignRow {
      return db.insert(cosignCampaigns).values(row).returning().get()
    },
    updateCampaign(id: string, patch: Partial<typeof cosignCampaigns.$inferInsert>): void {
      db.update(cosignCampaigns).set(patch).where(eq(cosignCampaigns.id, id)).run()
    },

    hasSigned: (campaignId: string, identity: string): boolean => hot.signed.get(campaignId, identity) !== undefined,
    /** How many signatures this identity made since `since`, counting no further than `limit`. */
    identitySignsSince: (identity: string, since: Date, limit: number): number => hot.identitySince.get(identity, since.getTime(), limit) as number,
    ipSignsSince: (campaignId: string, ipHash: string, since: Date, limit: number): number => hot.ipSince.get(campaignId, ipHash, since.getTime(), limit) as number,
    insertSignature(row: { campaignId: string; residentId: string; identity: string; ipHash: string; at: Date }): void {
      hot.insert.run(row.campaignId, row.residentId, row.identity, row.ipHash, row.at.getTime())
    },
    /** Moves the kept count by `delta` and answers the new count. */
    addToCount: (campaignId: string, delta: 1 | -1): number => hot.addToCount.get(delta, campaignId) as number,
    /** When the n-th most recent signature (1-based) was made, or null if there are fewer. */
    nthRecentSignedAt(campaignId: string, n: number): Date | null {
      const at = hot.nthRecent.get(campaignId, n - 1) as number | undefined
      return at === undefined ? null : new Date(at)
    },
    withdraw(campaignId: string, identity: string, at: Date): boolean {
      const result = db
        .update(cosignSignatures)
        .set({ withdrawnAt: at })
        .where(and(eq(cosignSignatures.campaignId, campaignId), eq(cosignSignatures.identityHash, identity), isNull(cosignSignatures.withdrawnAt)))
        .run()
      return result.changes > 0
    },
    /** Distinct addresses and the largest one's share of the signatures since `since`. */
    ipSpread(campaignId: string, since: Date): { addresses: number; largest: number; signatures: number } {
      const rows = db
        .select({ n: sql<number>`count(*)` })
        .from(cosignSignatures)
        .where(and(eq(cosignSignatures.campaignId, campaignId), gte(cosignSignatures.signedAt, since)))
        .groupBy(cosignSignatures.ipHash)
        .all()
      return { addresses: rows.length, largest: Math.max(0, ...rows.map((r) => r.n)), signatures: rows.reduce((sum, r) => sum + r.n, 0) }
    },
    /** Every signature's signing and withdrawal time, for the growth curve. */
    signatureTimes(campaignId: string): { signedAt: Date; withdrawnAt: Date | null }[] {
      return db.select({ signedAt: cosignSignatures.signedAt, withdrawnAt: cosignSignatures.withdrawnAt }).from(cosignSignatures).where(eq(cosignSignatures.campaignId, campaignId)).all()
    },

    warnedKeys(campaignId: string): string[] {
      return db.select({ kind: cosignWarnings.kind, threshold: cosignWarnings.threshold }).from(cosignWarnings).where(eq(cosignWarnings.campaignId, campaignId)).all().map((w) => `${w.kind}:${w.threshold}`)
    },
    insertWarning(row: typeof cosignWarnings.$inferInsert): WarningRow | null {
      return db.insert(cosignWarnings).values(row).onConflictDoNothing().returning().get() ?? null
    },
    /** Warnings on cases the actor may see, newest first. */
    warningsVisibleTo(actor: StaffActor, beforeId: number | null, limit: number) {
      return db
        .select({ warning: cosignWarnings, trackingNo: cases.trackingNo, title: cases.title, count: cosignCampaigns.signatureCount })
        .from(cosignWarnings)
        .innerJoin(cases, eq(cases.id, cosignWarnings.caseId))
        .innerJoin(cosignCampaigns, eq(cosignCampaigns.id, cosignWarnings.campaignId))
        .where(and(visibleTo(actor), beforeId ? lt(cosignWarnings.id, beforeId) : undefined))
        .orderBy(desc(cosignWarnings.id))
        .limit(limit)
        .all()
    },
  }
}

export type CosignRepository = ReturnType<typeof createCosignRepository>
