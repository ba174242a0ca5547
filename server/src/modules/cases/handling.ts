import { transition, type CaseAction, type CaseStatus } from '@xinfang/shared/case-status'
import type { ActionBody, StaffActionName } from '@xinfang/shared/contracts/cases'
import { dueDate } from '@xinfang/shared/deadlines'
import { orgName } from '@xinfang/shared/org'
import { REPLY_OUTCOMES, type TimelineAction } from '@xinfang/shared/timeline'
import { AppError } from '../../lib/app-error'
import type { StaffActor } from '../../plugins/auth'
import type { CaseContext } from './case-context'
import type { CaseRow, NewCase } from './case-repository'
import { loadVisibleCase } from './case-queries'

type Change = { patch: Partial<NewCase>; note: string | null; data?: Record<string, unknown> }

/** The timeline entry each action writes. */
const EVENTS: { [A in StaffActionName]: TimelineAction } = { accept: 'accepted', reject: 'rejected', reply: 'replied', close: 'closed' }

/** What each staff action writes on the case, and what the timeline says about it. */
const CHANGES: { [A in StaffActionName]: (row: CaseRow, body: ActionBody<A>, now: Date) => Change } = {
  accept: (row, body, now) => ({
    // a zone case keeps its own, shorter reply clock
    patch: { acceptedAt: now, replyDue: row.zone ? row.replyDue : dueDate('reply', now) },
    note: body.note ?? '已受理，将在法定期限内办理并答复',
  }),
  reject: (_row, body, now) => ({
    patch: { rejectReason: body.reason, rejectChannel: body.channel, rejectedAt: now },
    note: `不予受理：${body.reason}。请通过以下途径解决：${body.channel}`,
  }),
  reply: (_row, body, now) => ({
    patch: { replyText: body.text, replyOutcome: body.outcome, repliedAt: now, reviewRequestDue: dueDate('reviewRequest', now) },
    note: `答复意见：${REPLY_OUTCOMES[body.outcome]}`,
    data: { outcome: body.outcome, attachments: body.attachments?.length ?? 0 },
  }),
  close: (_row, body, now) => ({ patch: { closedAt: now }, note: body.note ?? '已办结' }),
}

/** Refuses an action the status machine does not allow from here, or to this role. */
export function checkTransition(status: string, action: CaseAction, role: Parameters<typeof transition>[2]): CaseStatus {
  const result = transition(status as CaseStatus, action, role)
  if (!result.ok) throw new AppError(result.reason === 'forbidden_role' ? 'FORBIDDEN' : 'INVALID_TRANSITION')
  return result.to
}

/**
 * A staff member moves a case on. The status machine in shared/ decides whether the action is
 * allowed in this state to this role; the change and its timeline entry commit together.
 */
export function actOnCase<A extends StaffActionName>(ctx: CaseContext, actor: StaffActor, caseId: string, action: A, body: ActionBody<A>) {
  return ctx.db.transaction(() => {
    const row = loadVisibleCase(ctx, actor, caseId)
    const to = checkTransition(row.status, action, actor.role)
    const member = ctx.staff.findById(actor.id)
    if (!member?.active) throw new AppError('FORBIDDEN')
    if (action === 'reply') {
      const ids = (body as ActionBody<'reply'>).attachments ?? []
      if (ctx.files.findAttachable(ids, { type: 'staff', id: actor.id }).length !== ids.length) throw new AppError('ATTACHMENT_INVALID')
      ctx.files.attach(ids, row.id)
    }
    const now = ctx.clock.now()
    const change = CHANGES[action](row, body, now)
    const updated = ctx.cases.update(row.id, row.status, { ...change.patch, status: to, updatedAt: now })
    if (!updated) throw new AppError('INVALID_TRANSITION')
    ctx.cases.addEvents([
      {
        caseId: row.id,
        at: now,
        actorType: 'staff',
        actorId: actor.id,
        actorLabel: member.name,
        actorUnit: orgName(actor.unit, actor.region),
        action: EVENTS[action],
        fromStatus: row.status,
        toStatus: to,
        note: change.note,
        data: change.data ?? null,
      },
    ])
    return updated
  })
}
