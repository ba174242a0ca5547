import type { ActionBody, StaffActionName } from '@xinfang/shared/contracts/cases'
import { orgName } from '@xinfang/shared/org'
import { ACTION_RULES, transition, type CaseAction, type CaseStatus, type Role } from '@xinfang/shared/case-status'
import { AppError } from '../../lib/app-error'
import type { StaffActor } from '../../plugins/auth'
import { authorize } from '../policy/action-policy'
import type { CaseContext } from './case-context'
import { caseFacts, loadVisible } from './case-facts'
import { record } from './case-record'
import type { CaseRow } from './case-repository'
import { STEPS } from './action-steps'
import { withClock } from './running-clock'

/** Refuses an action the status machine does not allow from here, or to this role. */
export function checkTransition(status: string, action: CaseAction, role: Role): CaseStatus {
  const result = transition(status as CaseStatus, action, role)
  if (!result.ok) throw new AppError(result.reason === 'forbidden_role' ? 'FORBIDDEN' : 'INVALID_TRANSITION')
  return result.to
}

/**
 * A staff member works a case. The policy decides whether this person may take this action on
 * this case now (role, state, who holds it, the action's own rule); the step says what changes.
 * The change, its timeline entry and the resident's notice commit together or not at all.
 */
export async function actOnCase<A extends StaffActionName>(ctx: CaseContext, actor: StaffActor, caseId: string, action: A, body: ActionBody<A>): Promise<CaseRow> {
  return ctx.transaction(async (ctx) => {
    const loaded = await loadVisible(ctx, actor, caseId)
    const { row } = loaded
    const facts = await caseFacts(ctx, loaded)
    const now = ctx.clock.now()
    const verdict = authorize(actor, action, facts, now)
    if (!verdict.ok) throw new AppError(verdict.code)
    const member = await ctx.staff.findById(actor.id)
    if (!member?.active) throw new AppError('FORBIDDEN')

    const change = await STEPS[action]({ ctx, actor, row, assignments: loaded.assignments, facts, now }, body)
    const to = ACTION_RULES[action].to ?? row.status
    const moved = to !== row.status
    const updated = await ctx.cases.update(row.id, row.status, withClock(row, { ...change.patch, status: to, updatedAt: now }))
    // another request moved the case between our read and this write
    if (!updated) throw new AppError('INVALID_TRANSITION')
    await record(ctx, updated, [
      {
        caseId: row.id,
        at: now,
        actorType: 'staff',
        actorId: actor.id,
        actorLabel: member.name,
        actorUnit: orgName(actor.unit, actor.region),
        action: change.event,
        // statuses only on entries that changed it: the rest are notes on the way
        fromStatus: moved ? row.status : null,
        toStatus: moved ? to : null,
        note: change.note,
        data: change.data ?? null,
      },
    ])
    return updated
  })
}
