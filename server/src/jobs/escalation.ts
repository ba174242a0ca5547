import { CLOCKS, chinaDateString, type ClockName } from '@xinfang/shared/deadlines'
import { orgName } from '@xinfang/shared/org'
import { CITY, parentOf } from '@xinfang/shared/places'
import type { CaseContext } from '../modules/cases/case-context'
import { record } from '../modules/cases/case-record'
import type { CaseRow } from '../modules/cases/case-repository'
import { holdersOf } from './holders'

const BATCH = 200
const JOB_LOCK = 'job:escalation'
const depth = (region: string) => (region === CITY ? 0 : region.split('.').length)

/**
 * The level above whoever holds the case: a street's case goes up to its district, a district's
 * to the city; what the city holds (its departments, its own office) is supervised by the city
 * petition office.
 */
export function escalationTarget(holderRegions: readonly string[]): string {
  return parentOf(deepestOf(holderRegions)) ?? CITY
}

/** The lowest level among the holders: the office closest to the case. */
export const deepestOf = (regions: readonly string[]): string => regions.reduce((a, b) => (depth(b) > depth(a) ? b : a), CITY)

async function escalate(ctx: CaseContext, row: CaseRow, now: Date): Promise<void> {
  const clock = row.dueClock as ClockName
  const dueAt = row.dueAt!
  const holders = await holdersOf(ctx, row.id)
  const toRegion = escalationTarget(holders.map((h) => h.region))
  if (!await ctx.cases.addEscalation({ caseId: row.id, kind: 'escalation', clock, dueAt, toRegion, at: now })) return
  await ctx.staffNotices.tell(holders, 'overdue', row, `${CLOCKS[clock]?.label ?? '办理期限'}已届满，已提请${orgName('petition', toRegion)}督办，请尽快办理`, now)
  await record(ctx, row, [
    {
      caseId: row.id,
      at: now,
      actorType: 'system',
      actorLabel: '系统',
      action: 'escalated',
      note: `${CLOCKS[clock]?.label ?? '办理期限'}已于${chinaDateString(dueAt)}届满，已提请${orgName('petition', toRegion)}督办`,
      data: { clock, dueAt: dueAt.toISOString(), toRegion },
    },
  ])
}

/**
 * 督办: every open case whose running clock has run out is escalated to the level above, once per
 * clock and due time (an approved extension gives a new due time, and a new escalation if that
 * one passes too). Safe to run any number of times, from any number of timers.
 */
export async function escalateOverdue(ctx: CaseContext): Promise<number> {
  const now = ctx.clock.now()
  let total = 0
  for (;;) {
    const rows = await ctx.cases.overdueUnescalated(now, BATCH)
    await ctx.transaction(async (ctx) => {
      // one node at a time works a batch; the escalation row (unique per case, clock and due time) makes a second run tell nobody twice
      await ctx.db.lockKey(ctx.q, JOB_LOCK)
      for (const row of rows) await escalate(ctx, row, now)
    })
    total += rows.length
    if (rows.length < BATCH) return total
  }
}
