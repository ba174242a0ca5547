import type { ActionBody, StaffActionName } from '@xinfang/shared/contracts/cases'
import { addWorkingDays, dueDate } from '@xinfang/shared/deadlines'
import { HANDLING_ROLES, REPLY_OUTCOMES, type TimelineAction } from '@xinfang/shared/timeline'
import { AppError } from '../../lib/app-error'
import type { StaffActor } from '../../plugins/auth'
import { decidableObjections, objectableHolding, type CaseFacts, type Holding } from '../policy/action-policy'
import { assignTo, resolveTarget } from './assign-target'
import type { CaseContext } from './case-context'
import type { AssignmentRow, CaseRow, NewCase } from './case-repository'

/** What a step sees: the case as loaded in this transaction, and who acts when. */
export interface StepInput {
  ctx: CaseContext
  actor: StaffActor
  row: CaseRow
  assignments: AssignmentRow[]
  facts: CaseFacts
  now: Date
}

/** What a step writes on the case, and what the timeline says about it. */
export interface Change {
  patch?: Partial<NewCase>
  event: TimelineAction
  note: string | null
  data?: Record<string, unknown>
}

type Step<A extends StaffActionName> = (input: StepInput, body: ActionBody<A>) => Change | Promise<Change>

/** Staff files uploaded for this reply or report, attached to the case in the same transaction. */
async function attachStaffFiles({ ctx, actor, row }: StepInput, ids: readonly string[] = []): Promise<number> {
  if ((await ctx.files.findAttachable(ids, { type: 'staff', id: actor.id })).length !== ids.length) throw new AppError('ATTACHMENT_INVALID')
  await ctx.files.attach(ids, row.id)
  return ids.length
}

/** A reply, a review decision and a re-review decision all write the same letter (答复意见书). */
async function replyLetter(input: StepInput, body: ActionBody<'reply'>, event: TimelineAction, title: string): Promise<Change> {
  const attachments = await attachStaffFiles(input, body.attachments)
  return {
    patch: { replyText: body.text, replyOutcome: body.outcome, repliedAt: input.now },
    event,
    note: `${title}：${REPLY_OUTCOMES[body.outcome]}`,
    data: { outcome: body.outcome, attachments },
  }
}

const note = (text: string | undefined, fallback: string) => text?.trim() || fallback

/** The effect of each staff action. Whether it is allowed was settled by the policy before. */
export const STEPS: { [A in StaffActionName]: Step<A> } = {
  accept: ({ row, now }, body) => ({
    // a zone case keeps its own, shorter reply clock
    patch: { acceptedAt: now, replyDue: row.zone ? row.replyDue : dueDate('reply', now) },
    event: 'accepted',
    note: note(body.note, '已受理，将在法定期限内办理并答复'),
  }),
  reject: ({ now }, body) => ({
    patch: { rejectReason: body.reason, rejectChannel: body.channel, rejectedAt: now },
    event: 'rejected',
    note: `不予受理：${body.reason}。请通过以下途径解决：${body.channel}`,
  }),
  forward: (_input, body) => ({ patch: { forwardedTo: body.to }, event: 'forwarded', note: `转送${body.to}：${body.reason}` }),
  start_mediation: (_input, body) => ({ event: 'mediation_started', note: note(body.note, '启动访前调解，工作人员将与您联系') }),
  mediation_succeeded: ({ now }, body) => ({ patch: { closedAt: now }, event: 'mediated', note: `调解协议：${body.agreement}` }),
  mediation_failed: (_input, body) => ({ event: 'mediation_failed', note: `调解未成：${body.reason}` }),
  assign: async (input, body) => {
    const target = await resolveTarget(input.ctx, input.actor, input.row, body.target)
    await assignTo(input.ctx, input.actor, input.row, input.assignments, target, { replace: body.replace ?? false, now: input.now })
    const verb = target.role === 'verify' ? '请' : body.replace ? '改派' : '交办'
    const what = target.role === 'verify' ? `${target.name}核实情况` : target.name
    return { event: 'assigned', note: `${verb}${what}${body.note?.trim() ? `：${body.note.trim()}` : ''}`, data: { target: body.target, replace: body.replace ?? false } }
  },
  object: async (input, body) => {
    const holding = pick(input, objectableHolding(input.actor, input.facts))
    await input.ctx.cases.updateAssignment(holding.id, { objectionReason: body.reason, objectedAt: input.now, objectedBy: input.actor.id })
    return { event: 'objected', note: `异议：${body.reason}`, data: { suggestedUnit: body.suggestedUnit ?? null } }
  },
  decide_objection: async (input, body) => {
    const { ctx, actor, now } = input
    const decided = decidableObjections(actor, input.facts).map((h) => pick(input, h))
    for (const a of decided) await ctx.cases.updateAssignment(a.id, { objectionDecidedAt: now, ...(body.upheld ? { endedAt: now, endReason: 'objection_upheld' } : {}) })
    if (!body.upheld) return { event: 'objection_dismissed', note: `异议不成立：${body.reason}` }
    const remaining = input.assignments.filter((a) => !decided.includes(a))
    const target = body.reassignTo ? await resolveTarget(ctx, actor, input.row, body.reassignTo) : null
    if (target) await assignTo(ctx, actor, input.row, remaining, target, { replace: false, now })
    else if (!remaining.some((a) => HANDLING_ROLES.has(a.role))) {
      // nobody left holding it: the deciding office takes it back to sort out
      await ctx.cases.insertAssignments([{ caseId: input.row.id, unitCode: 'petition', regionCode: actor.region, staffId: null, role: 'triage', ruleId: null, assignedBy: actor.id, dispatchRegion: actor.region, assignedAt: now }])
    }
    return { event: 'objection_upheld', note: `异议成立：${body.reason}${target ? `。重新交办${target.name}` : '。由信访部门重新分办'}` }
  },
  request_info: ({ now }, body) => ({ patch: { infoQuestion: body.question, infoRequestedAt: now }, event: 'info_requested', note: body.question }),
  report_verification: async (input, body) => ({ event: 'verification_reported', note: body.findings, data: { attachments: await attachStaffFiles(input, body.attachments) } }),
  request_extension: ({ actor, now }, body) => ({
    patch: { extensionDays: body.days, extensionReason: body.reason, extensionStatus: 'pending', extensionRequestedAt: now, extensionRequestedBy: actor.id },
    event: 'extension_requested',
    note: `申请延期${body.days}个工作日：${body.reason}`,
  }),
  decide_extension: ({ row, now }, body) => {
    if (!body.approved) return { patch: { extensionStatus: 'denied', extensionDecidedAt: now, extensionNote: body.note }, event: 'extension_denied', note: `延期未批准：${body.note}` }
    const days = row.extensionDays ?? 0
    return {
      patch: { extensionStatus: 'approved', extensionDecidedAt: now, extensionNote: body.note, replyDue: row.replyDue ? addWorkingDays(row.replyDue, days) : null },
      event: 'extension_approved',
      note: `答复期限延长${days}个工作日。理由：${row.extensionReason ?? ''}。${body.note}`,
      data: { days },
    }
  },
  reply: async (input, body) => {
    const letter = await replyLetter(input, body, 'replied', '答复意见')
    return { ...letter, patch: { ...letter.patch, reviewRequestDue: dueDate('reviewRequest', input.now) } }
  },
  close: ({ now }, body) => ({ patch: { closedAt: now }, event: 'closed', note: note(body.note, '已办结') }),
  accept_review: (_input, body) => ({ event: 'review_accepted', note: note(body.note, '复查申请已受理，将在30个工作日内出具复查意见') }),
  decide_review: async (input, body) => {
    const letter = await replyLetter(input, body, 'review_decided', '复查意见')
    return {
      ...letter,
      // the resident rates the review's answer afresh, and may ask the level above for a re-review
      patch: { ...letter.patch, reviewDecidedAt: input.now, reviewRegion: input.actor.region, satisfaction: null, ratingComment: null, ratedAt: null, rereviewRequestDue: dueDate('rereviewRequest', input.now) },
    }
  },
  accept_rereview: (_input, body) => ({ event: 'rereview_accepted', note: note(body.note, '复核申请已受理，将在30个工作日内出具复核意见') }),
  decide_rereview: async (input, body) => {
    const letter = await replyLetter(input, body, 'rereview_decided', '复核意见（最终意见）')
    return { ...letter, patch: { ...letter.patch, closedAt: input.now } }
  },
  supervise: (_input, body) => ({ event: 'supervised', note: body.note }),
}

/** The assignment row a policy rule chose. */
function pick(input: StepInput, holding: Holding | undefined): AssignmentRow {
  const row = holding && input.assignments.find((a) => a.id === holding.id)
  if (!row) throw new AppError('NOT_HOLDER')
  return row
}
