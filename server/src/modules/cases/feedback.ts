import type { RatingBody, ReviewRequestBody } from '@xinfang/shared/contracts/cases'
import { dueDate } from '@xinfang/shared/deadlines'
import { SATISFACTION } from '@xinfang/shared/timeline'
import { AppError } from '../../lib/app-error'
import type { ResidentActor } from '../../plugins/auth'
import type { CaseContext } from './case-context'
import type { CaseRow } from './case-repository'
import { loadVisibleCase } from './case-queries'
import { checkTransition } from './handling'

const REPLIED = new Set(['replied', 'closed'])

/**
 * The owner rates the reply, once. Sending the same rating again (a retry) is answered as
 * the first time; a different one is refused. A satisfied or basically satisfied resident
 * closes the case; an unsatisfied one keeps the right to ask for a review.
 */
export function rateCase(ctx: CaseContext, actor: ResidentActor, caseId: string, body: RatingBody): CaseRow {
  return ctx.db.transaction(() => {
    const row = loadVisibleCase(ctx, actor, caseId)
    const comment = body.comment?.trim() || null
    if (row.satisfaction) {
      if (row.satisfaction === body.satisfaction && row.ratingComment === comment) return row
      throw new AppError('ALREADY_RATED')
    }
    if (!REPLIED.has(row.status) || !row.repliedAt) throw new AppError('RATING_NOT_ALLOWED')
    const now = ctx.clock.now()
    const closes = row.status === 'replied' && body.satisfaction !== 'unsatisfied'
    const updated = ctx.cases.update(row.id, row.status, {
      satisfaction: body.satisfaction,
      ratingComment: comment,
      ratedAt: now,
      ...(closes ? { status: 'closed', closedAt: now } : {}),
      updatedAt: now,
    })
    if (!updated) throw new AppError('INVALID_TRANSITION')
    const rated = { caseId: row.id, at: now, actorType: 'resident' as const, actorId: actor.id, actorLabel: '群众', action: 'rated', note: `评价：${SATISFACTION[body.satisfaction]}`, data: { satisfaction: body.satisfaction } }
    ctx.cases.addEvents(
      closes
        ? [rated, { caseId: row.id, at: now, actorType: 'system', actorLabel: '系统', action: 'closed', fromStatus: row.status, toStatus: 'closed', note: '群众对答复表示满意，自动办结' }]
        : [rated],
    )
    return updated
  })
}

/**
 * An unsatisfied owner asks for a review (复查) within 30 working days of the reply; the
 * office then has 30 working days to decide it.
 */
export function requestReview(ctx: CaseContext, actor: ResidentActor, caseId: string, body: ReviewRequestBody): CaseRow {
  return ctx.db.transaction(() => {
    const row = loadVisibleCase(ctx, actor, caseId)
    if (row.reviewRequestedAt) throw new AppError('REVIEW_ALREADY_REQUESTED')
    if (row.satisfaction !== 'unsatisfied') throw new AppError('REVIEW_NOT_ALLOWED')
    const to = checkTransition(row.status, 'request_review', 'resident')
    const now = ctx.clock.now()
    if (!row.reviewRequestDue || now.getTime() > row.reviewRequestDue.getTime()) throw new AppError('REVIEW_WINDOW_CLOSED')
    const reason = body.reason.trim()
    const updated = ctx.cases.update(row.id, row.status, { status: to, reviewReason: reason, reviewRequestedAt: now, reviewDue: dueDate('review', now), updatedAt: now })
    if (!updated) throw new AppError('INVALID_TRANSITION')
    ctx.cases.addEvents([
      { caseId: row.id, at: now, actorType: 'resident', actorId: actor.id, actorLabel: '群众', action: 'review_requested', fromStatus: row.status, toStatus: to, note: reason },
    ])
    return updated
  })
}
