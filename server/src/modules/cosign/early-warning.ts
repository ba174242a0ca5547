import { orgName } from '@xinfang/shared/org'
import { WARNING_KINDS, type WarningKind } from '@xinfang/shared/contracts/cosign'
import { record } from '../cases/case-record'
import { WARNED_ROLES } from '../notifications/staff-notices'
import type { SigningCase } from './cosign-repository'
import type { CosignContext } from './cosign-context'
import type { CampaignRow } from './cosign-repository'
import { thresholdReached, warnedRegion, type WarnLevel } from './warning-rules'

const minutes = (ms: number) => Math.round(ms / 60_000)

async function warnedSet(ctx: CosignContext, campaignId: string): Promise<Set<string>> {
  let set = ctx.warned.get(campaignId)
  if (!set) {
    set = new Set(await ctx.cosign.warnedKeys(campaignId))
    ctx.warned.set(campaignId, set)
  }
  return set
}

interface Raise {
  kind: WarningKind
  threshold: number
  level: WarnLevel
  note: (office: string) => string
  data?: Record<string, unknown>
}

/** Records a warning once: its row (what GET /warnings lists), its timeline entry and the warned office's notices, in this transaction. */
async function raise(ctx: CosignContext, campaign: Pick<CampaignRow, 'id'>, row: SigningCase, count: number, now: Date, w: Raise): Promise<void> {
  const key = `${w.kind}:${w.threshold}`
  const warned = await warnedSet(ctx, campaign.id)
  if (warned.has(key)) return
  const toRegion = warnedRegion(w.level, row.streetCode ?? row.regionCode)
  const inserted = await ctx.cosign.insertWarning({ campaignId: campaign.id, caseId: row.id, kind: w.kind, threshold: w.threshold, toRegion, count, at: now, data: w.data ?? null })
  // if this write is rolled back after all, the signing path drops the campaign's cache (see sign)
  warned.add(key)
  if (!inserted) return
  const office = orgName('petition', toRegion)
  await ctx.cases.staffNotices.tell([{ unit: 'petition', region: toRegion, roles: WARNED_ROLES }], 'cosign_warning', row, `${WARNING_KINDS[w.kind]}，已有${count}人联名，请及时研判`, now)
  await record(ctx.cases, row, [
    { caseId: row.id, at: now, actorType: 'system', actorLabel: '系统', action: 'cosign_warning', note: w.note(office), data: { kind: w.kind, label: WARNING_KINDS[w.kind], threshold: w.threshold, count, toRegion } },
  ])
}

/**
 * Early warning on a signature just written: a threshold crossed (each once), a burst of
 * signatures, and a surge from one address. A surge is flagged for staff to look at, never
 * refused: carrier NAT puts whole neighbourhoods behind one address.
 */
export async function checkWarnings(ctx: CosignContext, campaign: Pick<CampaignRow, 'id'>, row: SigningCase, count: number, ipHash: string, now: Date): Promise<void> {
  const { rules } = ctx
  const warned = await warnedSet(ctx, campaign.id)
  const threshold = thresholdReached(rules, count)
  if (threshold) {
    await raise(ctx, campaign, row, count, now, {
      kind: 'threshold',
      threshold: threshold.count,
      level: threshold.level,
      note: (office) => `联名人数达到${threshold.count}人，已预警${office}和责任单位`,
    })
  }
  if (!warned.has(`burst:${rules.burst.count}`)) {
    const nth = await ctx.cosign.nthRecentSignedAt(campaign.id, rules.burst.count)
    if (nth && now.getTime() - nth.getTime() <= rules.burst.windowMs) {
      await raise(ctx, campaign, row, count, now, {
        kind: 'burst',
        threshold: rules.burst.count,
        level: 'district',
        note: (office) => `${minutes(rules.burst.windowMs)}分钟内新增联名${rules.burst.count}人以上，已预警${office}和责任单位`,
      })
    }
  }
  if (!warned.has(`ip_surge:${rules.ipSurge.count}`)) {
    const since = new Date(now.getTime() - rules.ipSurge.windowMs)
    if (await ctx.cosign.ipSignsSince(campaign.id, ipHash, since, rules.ipSurge.count) >= rules.ipSurge.count) {
      const spread = await ctx.cosign.ipSpread(campaign.id, since)
      await raise(ctx, campaign, row, count, now, {
        kind: 'ip_surge',
        threshold: rules.ipSurge.count,
        level: 'local',
        note: (office) => `${minutes(rules.ipSurge.windowMs)}分钟内同一网络地址联名${rules.ipSurge.count}次以上，已提示${office}研判（不影响群众联名）`,
        data: { addresses: spread.addresses, largestShare: spread.signatures ? spread.largest / spread.signatures : 0, signatures: spread.signatures },
      })
    }
  }
}
