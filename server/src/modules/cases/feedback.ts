import type { InfoBody, RatingBody, ReviewRequestBody } from '@xinfang/shared/contracts/cases'
import { dueDate } from '@xinfang/shared/deadlines'
import { SATISFACTION } from '@xinfang/shared/timeline'
import { AppError } from '../../lib/app-error'
import type { ResidentActor } from '../../plugins/auth'
import type { CaseContext } from './case-context'
import { loadVisibleCase } from './case-facts'
import { record } from './case-record'
import type { CaseRow, NewCase, NewEvent } from './case-repository'
import { checkTransition } from './handling'
import { withClock } from './running-clock'

const REPLIED = new Set(['replied', 'closed'])

const byResident = (actor: ResidentActor, caseId: string, at: Date) => ({ caseId, at, actorType: 'resident' as const, actorId: actor.id, actorLabel: '群众' })

/** Applies a resident's change if the case is still as read, with its timeline entries. */
async function save(ctx: CaseContext, row: CaseRow, patch: Partial<NewCase>, events: NewEvent[]): Promise<CaseRow> {
  const updated = await ctx.cases.update(row.id, row.status, withClock(row, patch))
  if (!updated) throw new AppError('INVALID_TRANSITION')
  await record(ctx, updated, events)
  return updated
}

/**
 * The owner rates the reply (or, after a review, the review's answer), once. Sending the same
 * rating again (a retry) is answered as the first time; a different one is refused. A satisfied
 * or basically satisfied resident closes the case; an unsatisfied one may ask for a review.
 */
export async function rateCase(ctx: CaseContext, actor: ResidentActor, caseId: string, body: RatingBody): Promise<CaseRow> {
  return ctx.transaction(async (ctx) => {
    const row = await loadVisibleCase(ctx, actor, caseId)
    const comment = body.comment?.trim() || null
    if (row.satisfaction) {
      if (row.satisfaction === body.satisfaction && row.ratingComment === comment) return row
      throw new AppError('ALREADY_RATED')
    }
    if (!REPLIED.has(row.status) || !row.repliedAt) throw new AppError('RATING_NOT_ALLOWED')
    const now = ctx.clock.now()
    const closes = row.status === 'replied' && body.satisfaction !== 'unsatisfied'
    const rated = { ...byResident(actor, row.id, now), action: 'rated', note: `评价：${SATISFACTION[body.satisfaction]}`, data: { satisfaction: body.satisfaction } }
    const closed = { caseId: row.id, at: now, actorType: 'system' as const, actorLabel: '系统', action: 'closed', fromStatus: row.status, toStatus: 'closed', note: '群众对答复表示满意，自动办结' }
    return await save(
      ctx,
      row,
      { satisfaction: body.satisfaction, ratingComment: comment, ratedAt: now, ...(closes ? { status: 'closed', closedAt: now } : {}), updatedAt: now },
      closes ? [rated, closed] : [rated],
    )
  })
}

/**
 * An unsatisfied owner asks for a review (复查) within 30 working days of the reply; the office
 * has 30 working days to decide it. Unsatisfied with the review's answer, they may ask the level
 * above for a re-review (复核) on the same terms; the re-review's answer is final.
 */
export async function requestReview(ctx: CaseContext, actor: ResidentActor, caseId: string, body: ReviewRequestBody): Promise<CaseRow> {
  return ctx.transaction(async (ctx) => {
    const row = await loadVisibleCase(ctx, actor, caseId)
    const rereview = row.reviewDecidedAt !== null
    if (rereview ? row.rereviewRequestedAt : row.reviewRequestedAt) throw new AppError(rereview ? 'REVIEW_FINAL' : 'REVIEW_ALREADY_REQUESTED')
    if (row.satisfaction !== 'unsatisfied') throw new AppError('REVIEW_NOT_ALLOWED')
    const to = checkTransition(row.status, rereview ? 'request_rereview' : 'request_review', 'resident')
    const now = ctx.clock.now()
    const window = rereview ? row.rereviewRequestDue : row.reviewRequestDue
    if (!window || now.getTime() > window.getTime()) throw new AppError('REVIEW_WINDOW_CLOSED')
    const reason = body.reason.trim()
    const patch: Partial<NewCase> = rereview
      ? { rereviewReason: reason, rereviewRequestedAt: now, rereviewDue: dueDate('rereview', now) }
      : { reviewReason: reason, reviewRequestedAt: now, reviewDue: dueDate('review', now) }
    const event = { ...byResident(actor, row.id, now), action: rereview ? 'rereview_requested' : 'review_requested', fromStatus: row.status, toStatus: to, note: reason }
    return await save(ctx, row, { ...patch, status: to, updatedAt: now }, [event])
  })
}

/** The owner answers a request for more information; the answer and any photos join the case. */
export async function provideInfo(ctx: CaseContext, actor: ResidentActor, caseId: string, body: InfoBody): Promise<CaseRow> {
  return ctx.transaction(async (ctx) => {
    const row = await loadVisibleCase(ctx, actor, caseId)
    if (!row.infoRequestedAt) throw new AppError('INFO_NOT_REQUESTED')
    const ids = body.attachments ?? []
    if ((await ctx.files.findAttachable(ids, { type: 'resident', id: actor.id })).length !== ids.length) throw new AppError('ATTACHMENT_INVALID')
    await ctx.files.attach(ids, row.id)
    const now = ctx.clock.now()
    const event = { ...byResident(actor, row.id, now), action: 'info_provided', note: body.text.trim(), data: { question: row.infoQuestion, attachments: ids.length } }
    return await save(ctx, row, { infoQuestion: null, infoRequestedAt: null, updatedAt: now }, [event])
  })
}
