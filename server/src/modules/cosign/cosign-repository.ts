import { and, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, cosignCampaigns, cosignSignatures, cosignWarnings, residents } from '../../db/schema'
import type { StaffActor } from '../../plugins/auth'
import { visibleTo } from '../cases/case-repository'

export type CampaignRow = typeof cosignCampaigns.$inferSelect
export type SignatureRow = typeof cosignSignatures.$inferSelect
export type WarningRow = typeof cosignWarnings.$inferSelect
export type SigningCase = Pick<typeof cases.$inferSelect, 'id' | 'status' | 'ownerId' | 'title' | 'trackingNo' | 'streetCode' | 'regionCode'>
export type SignerIdentity = Pick<typeof residents.$inferSelect, 'verified' | 'idNumberHash' | 'phoneHash' | 'phoneVerifiedAt'>

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
    caseForSigning: db
      .select({ id: cases.id, status: cases.status, ownerId: cases.ownerId, title: cases.title, trackingNo: cases.trackingNo, streetCode: cases.streetCode, regionCode: cases.regionCode })
      .from(cases)
      .where(eq(cases.id, p('id')))
      .prepare(),
    signerIdentity: db
      .select({ verified: residents.verified, idNumberHash: residents.idNumberHash, phoneHash: residents.phoneHash, phoneVerifiedAt: residents.phoneVerifiedAt })
      .from(residents)
      .where(eq(residents.id, p('id')))
      .prepare(),
    activeSignature: db
      .select({ id: cosignSignatures.id, signedAt: cosignSignatures.signedAt })
      .from(cosignSignatures)
      .where(and(eq(cosignSignatures.campaignId, p('campaignId')), eq(cosignSignatures.identityHash, p('identity')), isNull(cosignSignatures.withdrawnAt)))
      .prepare(),
    insertSignature: db
      .insert(cosignSignatures)
      .values({ campaignId: p('campaignId'), residentId: p('residentId'), identityHash: p('identity'), ipHash: p('ipHash'), signedAt: p('at') } as never)
      .prepare(),
    addToCount: db
      .update(cosignCampaigns)
      .set({ signatureCount: sql`${cosignCampaigns.signatureCount} + ${p('delta')}` })
      .where(eq(cosignCampaigns.id, p('campaignId')))
      .returning({ count: cosignCampaigns.signatureCount })
      .prepare(),
    nthRecent: db
      .select({ signedAt: cosignSignatures.signedAt })
      .from(cosignSignatures)
      .where(eq(cosignSignatures.campaignId, p('campaignId')))
      .orderBy(desc(cosignSignatures.signedAt))
      .limit(1)
      .offset(p('offset'))
      .prepare(),
  }
  // bounded counts, in SQL: we only ever need to know whether a limit is reached
  const identitySince = db.$client.prepare(
    'select count(*) as n from (select 1 from cosign_signatures where identity_hash = ? and signed_at >= ? limit ?)',
  )
  const ipSince = db.$client.prepare(
    'select count(*) as n from (select 1 from cosign_signatures where campaign_id = ? and ip_hash = ? and signed_at >= ? limit ?)',
  )

  return {
    byTokenId: (tokenId: string): CampaignRow | null => statements.byTokenId.get({ tokenId }) ?? null,
    byCaseId: (caseId: string): CampaignRow | null => statements.byCaseId.get({ caseId }) ?? null,
    caseForSigning: (id: string): SigningCase | null => statements.caseForSigning.get({ id }) ?? null,
    signerIdentity: (residentId: string): SignerIdentity | null => statements.signerIdentity.get({ id: residentId }) ?? null,
    insertCampaign(row: typeof cosignCampaigns.$inferInsert): CampaignRow {
      return db.insert(cosignCampaigns).values(row).returning().get()
    },
    updateCampaign(id: string, patch: Partial<typeof cosignCampaigns.$inferInsert>): void {
      db.update(cosignCampaigns).set(patch).where(eq(cosignCampaigns.id, id)).run()
    },

    activeSignature: (campaignId: string, identity: string) => statements.activeSignature.get({ campaignId, identity }) ?? null,
    /** How many signatures this identity made since `since`, counting no further than `limit`. */
    identitySignsSince: (identity: string, since: Date, limit: number): number => (identitySince.get(identity, since.getTime(), limit) as { n: number }).n,
    ipSignsSince: (campaignId: string, ipHash: string, since: Date, limit: number): number =>
      (ipSince.get(campaignId, ipHash, since.getTime(), limit) as { n: number }).n,
    insertSignature(row: { campaignId: string; residentId: string; identity: string; ipHash: string; at: Date }): void {
      statements.insertSignature.run(row)
    },
    /** Moves the kept count by `delta` and answers the new count. */
    addToCount: (campaignId: string, delta: 1 | -1): number => statements.addToCount.get({ campaignId, delta })!.count,
    /** When the n-th most recent signature (1-based) was made, or null if there are fewer. */
    nthRecentSignedAt: (campaignId: string, n: number): Date | null => statements.nthRecent.get({ campaignId, offset: n - 1 })?.signedAt ?? null,
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
