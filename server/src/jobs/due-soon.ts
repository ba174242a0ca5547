import { CLOCKS, chinaDateString, dueSoonLimit, type ClockName } from '@xinfang/shared/deadlines'
import type { CaseContext } from '../modules/cases/case-context'
import type { CaseRow } from '../modules/cases/case-repository'
import { deepestOf } from './escalation'
import { holdersOf } from './holders'

const BATCH = 200
const JOB_LOCK = 'job:due-soon'

// An hours clock (the zone's one-hour answer) is told to the minute; a working-days clock by its day.
const dueText = (clock: ClockName, dueAt: Date) =>
  CLOCKS[clock].unit === 'hours' ? new Date(dueAt.getTime() + 8 * 3_600_000).toISOString().slice(11, 16) : chinaDateString(dueAt)

async function warn(ctx: CaseContext, row: CaseRow, now: Date): Promise<void> {
  const clock = row.dueClock as ClockName
  const dueAt = row.dueAt!
  const holders = await holdersOf(ctx, row.id)
  // recorded under the holder closest to the case: the office that has to move
  if (!await ctx.cases.addEscalation({ caseId: row.id, kind: 'warning', clock, dueAt, toRegion: deepestOf(holders.map((h) => h.region)), at: now })) return
  await ctx.staffNotices.tell(holders, 'due_soon', row, `${CLOCKS[clock]?.label ?? '办理期限'}将于${dueText(clock, dueAt)}届满，请抓紧办理`, now)
}

/**
 * 临期提醒: every case whose running clock turns due soon (the workbench's yellow, see
 * deadlineState) is told to those holding it, once per clock and due time, recorded in the
 * escalations table as a warning so any number of runs tell nobody twice.
 */
export async function warnDueSoon(ctx: CaseContext): Promise<number> {
  const now = ctx.clock.now()
  const dueBy = dueSoonLimit(now)
  let total = 0
  for (;;) {
    const rows = await ctx.cases.dueSoonUnwarned(now, dueBy, BATCH)
    await ctx.transaction(async (ctx) => {
      // one node at a time works a batch; the escalation row (unique per case, clock and due time) makes a second run tell nobody twice
      await ctx.db.lockKey(ctx.q, JOB_LOCK)
      for (const row of rows) await warn(ctx, row, now)
    })
    total += rows.length
    if (rows.length < BATCH) return total
  }
}
