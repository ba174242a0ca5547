import { WARNING_KINDS, type Warning, type WarningKind, type WarningList } from '@xinfang/shared/contracts/cosign'
import { orgName } from '@xinfang/shared/org'
import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import { decodeIdCursor, idPage } from '../../lib/id-pages'
import type { StaffActor } from '../../plugins/auth'
import { assignmentView } from '../cases/case-views'
import type { CosignContext } from './cosign-context'

const MAX_POINTS = 60

/**
 * The signature count over time: +1 at each signing, −1 at each withdrawal, cumulative, thinned
 * to at most MAX_POINTS evenly spaced points (the last always kept) so a phone can draw it.
 */
export function growthCurve(times: { signedAt: Date; withdrawnAt: Date | null }[]): { at: string; count: number }[] {
  const steps = times.flatMap((t) => [{ at: t.signedAt.getTime(), delta: 1 }, ...(t.withdrawnAt ? [{ at: t.withdrawnAt.getTime(), delta: -1 }] : [])]).sort((a, b) => a.at - b.at)
  let count = 0
  const points = steps.map((s) => ({ at: s.at, count: (count += s.delta) }))
  const stride = Math.max(1, Math.ceil(points.length / MAX_POINTS))
  const kept = points.filter((_, i) => i % stride === 0 || i === points.length - 1)
  return kept.map((p) => ({ at: new Date(p.at).toISOString(), count: p.count }))
}

/** Warnings on joint complaints the actor may see, newest first, each with its growth curve. */
export async function listWarnings(ctx: CosignContext, actor: StaffActor, query: { cursor?: string; pageSize?: number }): Promise<WarningList> {
  const limit = query.pageSize ?? 20
  const rows = await ctx.cosign.warningsVisibleTo(actor, decodeIdCursor(query.cursor), limit + 1)
  const curves = new Map<string, Warning['growth']>()
  return idPage(rows, limit, async ({ warning, trackingNo, title, count }): Promise<Warning> => {
    let growth = curves.get(warning.campaignId)
    if (!growth) curves.set(warning.campaignId, (growth = growthCurve(await ctx.cosign.signatureTimes(warning.campaignId))))
    const data = warning.data as { addresses?: number; largestShare?: number; signatures?: number } | null
    return {
      id: warning.id,
      caseId: warning.caseId,
      trackingNo: formatTrackingNo(trackingNo),
      title,
      kind: warning.kind,
      label: WARNING_KINDS[warning.kind as WarningKind],
      threshold: warning.threshold,
      count: warning.count,
      currentCount: count,
      toRegion: warning.toRegion,
      toName: orgName('petition', warning.toRegion),
      holders: (await ctx.cases.cases.assignmentsOf(warning.caseId)).map((a) => assignmentView(a).unitName),
      at: warning.at.toISOString(),
      growth,
      ipSurge: warning.kind === 'ip_surge' && data ? { addresses: data.addresses ?? 0, largestShare: data.largestShare ?? 0, signatures: data.signatures ?? 0 } : null,
    }
  })
}
