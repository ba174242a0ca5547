import { chinaDateString } from '@xinfang/shared/deadlines'
import type { DeadlineKey } from '@xinfang/shared/contracts/cases'
import type { CaseContext } from '../modules/cases/case-context'
import { recountDues } from '../modules/cases/case-calendar'
import { record } from '../modules/cases/case-record'
import { withClock } from '../modules/cases/running-clock'

const BATCH = 200

const NAMES: Record<DeadlineKey, string> = {
  acceptBy: '告知是否受理',
  respondBy: '专区答复',
  replyBy: '书面答复',
  reviewRequestBy: '申请复查（复核）',
  reviewBy: '复查（复核）结果',
}

export interface RecountSummary {
  /** cases looked at: those with a provisional date */
  checked: number
  /** cases whose dates moved, each with a timeline entry and a notice */
  moved: number
}

/**
 * Counts again every live deadline that was counted across a year whose holidays were unknown,
 * on the calendar as it stands now (the library, plus HOLIDAY_CALENDAR_FILE). Run at start, after
 * the calendar is loaded: a date that moves is a timeline entry and a notice to the resident; a
 * date still provisional stays marked and is counted again at the next start.
 */
export async function recountProvisionalDeadlines(ctx: CaseContext): Promise<RecountSummary> {
  const now = ctx.clock.now()
  const summary: RecountSummary = { checked: 0, moved: 0 }
  for (let after = ''; ; ) {
    const rows = await ctx.cases.provisionalAfter(after, BATCH)
    await ctx.transaction(async (ctx) => {
      await ctx.db.lockKey(ctx.q, 'job:recount-deadlines')
      for (const row of rows) {
        const { patch, changes } = recountDues(row)
        const next = withClock(row, changes.length > 0 ? { ...patch, updatedAt: now } : {})
        // still provisional and nothing moved: the next start looks again
        if (changes.length === 0 && next.provisionalDue) continue
        const updated = await ctx.cases.update(row.id, row.status, next)
        if (!updated || changes.length === 0) continue
        summary.moved += 1
        await record(ctx, updated, [
          {
            caseId: row.id,
            at: now,
            actorType: 'system',
            actorLabel: '系统',
            action: 'deadlines_recounted',
            note: `按国务院办公厅公布的节假日安排重新计算：${changes.map((c) => `${NAMES[c.shownAs]} ${chinaDateString(c.from)} → ${chinaDateString(c.to)}`).join('；')}`,
            data: { changes: changes.map((c) => ({ deadline: c.shownAs, from: c.from.toISOString(), to: c.to.toISOString() })) },
          },
        ])
      }
    })
    summary.checked += rows.length
    if (rows.length < BATCH) return summary
    after = rows[rows.length - 1]!.id
  }
}
