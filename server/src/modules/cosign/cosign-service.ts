import { STATUS_LABELS, type CaseStatus } from '@xinfang/shared/case-status'
import type { CosignCreated, CosignPublic, CreateCosignBody, SignResult } from '@xinfang/shared/contracts/cosign'
import { placeName } from '@xinfang/shared/places'
import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import { AppError } from '../../lib/app-error'
import { newId } from '../../lib/ids'
import type { Actor, ResidentActor } from '../../plugins/auth'
import { record } from '../cases/case-record'
import type { CaseRow } from '../cases/case-repository'
import { submitCase } from '../cases/submission'
import type { CosignContext } from './cosign-context'
import type { CampaignRow, SignerIdentity } from './cosign-repository'
import { checkWarnings } from './early-warning'

const DAY_MS = 86_400_000
/** Case states in which neighbours can no longer add their names. */
const ENDED: Partial<Record<CaseStatus, string>> = {
  rejected: '这件联名诉求已不予受理，不能再联名了',
  forwarded: '这件联名诉求已转送其他机关，不能再联名了',
  closed: '这件联名诉求已办结，不能再联名了',
}

/**
 * One person, one signature: the keyed hash of their ID number (city-app real name), or of a
 * phone number the platform itself verified (mobile numbers in China are registered to a real
 * name). A typed-in phone number proves nothing and does not count.
 */
export function identityOf(resident: SignerIdentity | null): string | null {
  if (!resident) return null
  if (resident.verified && resident.idNumberHash) return resident.idNumberHash
  return resident.phoneVerifiedAt && resident.phoneHash ? resident.phoneHash : null
}

export const pageOfCosign = 'pages/cosign/index'
export const h5UrlOf = (ctx: CosignContext, token: string) => `${ctx.publicBaseUrl}/#/${pageOfCosign}?t=${encodeURIComponent(token)}`

async function verifiedIdentity(ctx: CosignContext, actor: ResidentActor): Promise<string> {
  const identity = identityOf(await ctx.cosign.signerIdentity(actor.id))
  if (!identity) throw new AppError('IDENTITY_NOT_VERIFIED')
  return identity
}

/** Runs `work` in one transaction, with a context whose repositories work in it. */
const inTransaction = <T>(ctx: CosignContext, work: (ctx: CosignContext) => Promise<T>): Promise<T> =>
  ctx.cases.transaction((cases) => work(ctx.within(cases.q)))

/**
 * A verified resident registers a joint complaint: a case of kind `joint`, dispatched like any
 * other, with the representative as its owner and first signature, and a token for the codes.
 */
export async function createCosign(ctx: CosignContext, actor: ResidentActor, body: CreateCosignBody, ipHash: string): Promise<CosignCreated> {
  const identity = await verifiedIdentity(ctx, actor)
  return inTransaction(ctx, async (ctx) => {
    const created = await submitCase(ctx.cases, actor, body, 'joint')
    const now = ctx.cases.clock.now()
    const tokenId = ctx.tokens.newId()
    const campaign = await ctx.cosign.insertCampaign({ id: newId('j'), caseId: created.id, tokenId, status: 'open', signatureCount: 1, createdAt: now })
    await ctx.cosign.insertSignature({ campaignId: campaign.id, residentId: actor.id, identity, ipHash, at: now })
    return campaignLinks(ctx, campaign, created.trackingNo)
  })
}

/** What the representative hands out: the token and where its three codes and the page are. */
function campaignLinks(ctx: CosignContext, campaign: CampaignRow, trackingNo: string): CosignCreated {
  const token = ctx.tokens.issue(campaign.tokenId)
  const api = `/api/v1/cosign/${token}/qr`
  return { id: campaign.id, caseId: campaign.caseId, trackingNo, token, qr: { weapp: `${api}/weapp`, alipay: `${api}/alipay`, h5: `${api}/h5` }, h5Url: h5UrlOf(ctx, token) }
}

/** The representative's own campaign for one of their cases, to show its codes again later. */
export async function ownCampaign(ctx: CosignContext, actor: ResidentActor, caseId: string): Promise<CosignCreated> {
  const campaign = await ctx.cosign.byCaseId(caseId)
  const row = campaign ? await ctx.cases.cases.findById(campaign.caseId) : null
  if (!campaign || !row || row.ownerId !== actor.id) throw new AppError('COSIGN_NOT_FOUND')
  return campaignLinks(ctx, campaign, formatTrackingNo(row.trackingNo))
}

/** The campaign a genuine token names; a forged, altered or revoked one is indistinguishable from none. */
export async function campaignOf(ctx: CosignContext, token: string): Promise<CampaignRow> {
  const campaign = await ctx.cosign.byTokenId(tokenIdOf(ctx, token))
  if (!campaign) throw new AppError('COSIGN_NOT_FOUND')
  return campaign
}

async function caseOf(ctx: CosignContext, campaign: CampaignRow): Promise<CaseRow> {
  const row = await ctx.cases.cases.findById(campaign.caseId)
  if (!row) throw new AppError('COSIGN_NOT_FOUND')
  return row
}

const closedReason = (campaign: Pick<CampaignRow, 'status'>, row: Pick<CaseRow, 'status'>): string | null =>
  ENDED[row.status as CaseStatus] ?? (campaign.status === 'closed' ? '发起人已结束联名' : null)

/** What a scan shows anyone: the complaint and its count, nothing about the representative. */
export async function publicView(ctx: CosignContext, token: string, viewer: Actor | null): Promise<CosignPublic> {
  const campaign = await campaignOf(ctx, token)
  const row = await caseOf(ctx, campaign)
  const reason = closedReason(campaign, row)
  let mine: CosignPublic['mine'] = null
  if (viewer?.type === 'resident') {
    const identity = identityOf(await ctx.cosign.signerIdentity(viewer.id))
    mine = { signed: identity !== null && await ctx.cosign.hasSigned(campaign.id, identity), representative: row.ownerId === viewer.id }
  }
  return {
    title: row.title,
    content: row.content,
    category: row.category,
    region: row.regionCode,
    regionName: row.streetCode ? (placeName(row.streetCode) ?? null) : row.regionCode ? (placeName(row.regionCode) ?? null) : null,
    caseStatus: row.status,
    caseStatusLabel: STATUS_LABELS[row.status as CaseStatus] ?? row.status,
    count: campaign.signatureCount,
    open: reason === null,
    closedReason: reason,
    createdAt: campaign.createdAt.toISOString(),
    mine,
  }
}

/**
 * Runs a signing write in the next group commit. An unexpected failure (not a refusal, which
 * happens before any warning is raised) forgets the warning cache: a rolled-back batch may have
 * held a warning the cache already counts.
 */
function write<T>(ctx: CosignContext, op: (ctx: CosignContext) => Promise<T>): Promise<T> {
  return ctx.cases.writes.run((tx) => op(ctx.within(tx))).catch((error: unknown) => {
    if (!(error instanceof AppError)) ctx.warned.clear()
    throw error
  })
}

/** The token's campaign, read inside the write; the MAC is checked before any query. */
function tokenIdOf(ctx: CosignContext, token: string): string {
  const tokenId = ctx.tokens.verify(token)
  if (!tokenId) throw new AppError('COSIGN_NOT_FOUND')
  return tokenId
}

/**
 * A verified resident adds their name. Everything is read and checked inside the write, against
 * the database as it is when the batch commits: the count can never disagree with the rows.
 */
export function sign(ctx: CosignContext, actor: ResidentActor, token: string, ipHash: string): Promise<SignResult> {
  const tokenId = tokenIdOf(ctx, token)
  return write(ctx, async (ctx) => {
    const identity = await verifiedIdentity(ctx, actor)
    // the same person signing from two API nodes at once: one waits for the other, then sees its signature
    await ctx.cases.db.lockKey(ctx.cases.q, `cosign-signer:${identity}`)
    const target = await ctx.cosign.signingTarget(tokenId)
    if (!target) throw new AppError('COSIGN_NOT_FOUND')
    const { campaign: current, case: row } = target
    const reason = closedReason(current, row)
    if (reason) throw new AppError('COSIGN_CLOSED', reason)
    if (row.ownerId === actor.id) throw new AppError('COSIGN_REPRESENTATIVE_SIGNED')
    if (await ctx.cosign.hasSigned(current.id, identity)) throw new AppError('COSIGN_ALREADY_SIGNED')
    const now = ctx.cases.clock.now()
    if (await ctx.cosign.identitySignsSince(identity, new Date(now.getTime() - DAY_MS), ctx.dailyLimit) >= ctx.dailyLimit) throw new AppError('SIGN_LIMIT')
    await ctx.cosign.insertSignature({ campaignId: current.id, residentId: actor.id, identity, ipHash, at: now })
    const count = await ctx.cosign.addToCount(current.id, 1)
    await checkWarnings(ctx, current, row, count, ipHash, now)
    return { count, signedAt: now.toISOString() }
  })
}

/** A signer takes their name back; they may sign again later. */
export async function withdraw(ctx: CosignContext, actor: ResidentActor, token: string): Promise<SignResult> {
  const campaign = await campaignOf(ctx, token)
  const identity = await verifiedIdentity(ctx, actor)
  return write(ctx, async (ctx) => {
    await ctx.cases.db.lockKey(ctx.cases.q, `cosign-signer:${identity}`)
    const row = await caseOf(ctx, campaign)
    if (row.ownerId === actor.id) throw new AppError('COSIGN_REPRESENTATIVE_SIGNED')
    if (!await ctx.cosign.withdraw(campaign.id, identity, ctx.cases.clock.now())) throw new AppError('COSIGN_NOT_SIGNED')
    return { count: await ctx.cosign.addToCount(campaign.id, -1), signedAt: null }
  })
}

/** The representative stops the signing; the complaint itself goes on being handled. */
export async function closeSigning(ctx: CosignContext, actor: ResidentActor, token: string): Promise<CosignPublic> {
  const campaign = await campaignOf(ctx, token)
  await inTransaction(ctx, async (ctx) => {
    const row = await caseOf(ctx, campaign)
    if (row.ownerId !== actor.id) throw new AppError('COSIGN_REPRESENTATIVE_ONLY')
    if (campaign.status === 'closed') return
    const now = ctx.cases.clock.now()
    await ctx.cosign.updateCampaign(campaign.id, { status: 'closed', closedAt: now })
    await record(ctx.cases, row, [
      { caseId: row.id, at: now, actorType: 'resident', actorId: actor.id, actorLabel: '群众', action: 'cosign_closed', note: `联名已结束，共${campaign.signatureCount}人联名` },
    ])
  })
  return publicView(ctx, token, actor)
}
