import type { CaseDetail, CaseList, TrackResult } from '@xinfang/shared/contracts/cases'
import { isValidTrackingNo, normalizeTrackingNo } from '@xinfang/shared/tracking-number'
import { AppError } from '../../lib/app-error'
import type { Actor } from '../../plugins/auth'
import { fileRef } from '../files/file-views'
import { canSeeCase } from '../policy/case-policy'
import type { CaseContext } from './case-context'
import type { AssignmentRow, CaseRow, Page } from './case-repository'
import { detailView, summaryView, trackView, type StaffContact } from './case-views'

/**
 * The case as `actor` may see it, or CASE_NOT_FOUND: someone else's case is indistinguishable
 * from one that does not exist, so ids cannot be probed.
 */
function visibleCase(ctx: CaseContext, actor: Actor, id: string): { row: CaseRow; assignments: AssignmentRow[] } {
  const row = ctx.cases.findById(id)
  if (!row) throw new AppError('CASE_NOT_FOUND')
  const assignments = ctx.cases.assignmentsOf(row.id)
  if (!canSeeCase(actor, { ownerId: row.ownerId, place: row.streetCode ?? row.regionCode, assignments })) throw new AppError('CASE_NOT_FOUND')
  return { row, assignments }
}

export const loadVisibleCase = (ctx: CaseContext, actor: Actor, id: string): CaseRow => visibleCase(ctx, actor, id).row

/** The case as `actor` may see it, with its timeline, files and the actions open to them. */
export function caseDetail(ctx: CaseContext, actor: Actor, caseId: string): CaseDetail {
  const { row, assignments } = visibleCase(ctx, actor, caseId)
  const events = ctx.cases.eventsOf(row.id)
  const staffById = new Map<string, StaffContact>()
  for (const id of new Set(events.filter((e) => e.actorType === 'staff' && e.actorId).map((e) => e.actorId!))) {
    const member = ctx.staff.findById(id)
    if (member) staffById.set(id, { name: member.name, phone: member.phoneEnc ? ctx.pii.decrypt(member.phoneEnc) : null })
  }
  const now = ctx.clock.now()
  return detailView(row, actor, {
    assignments,
    events,
    attachments: ctx.files.listByCase(row.id).map((f) => fileRef(f, ctx.signer, now)),
    staffById,
    contactPhone: row.contactPhoneEnc ? ctx.pii.decrypt(row.contactPhoneEnc) : null,
  })
}

const encodeCursor = (row: CaseRow) => Buffer.from(`${row.registeredAt.getTime()}:${row.id}`).toString('base64url')

function decodeCursor(cursor: string | undefined): Page['cursor'] {
  if (!cursor) return null
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':')
  const registeredAt = Number(time)
  if (!id || !Number.isSafeInteger(registeredAt)) throw new AppError('VALIDATION_FAILED', '「翻页位置」无效，请刷新列表')
  return { registeredAt, id }
}

export function listCases(ctx: CaseContext, actor: Actor, query: { status?: string; cursor?: string; pageSize?: number }): CaseList {
  const limit = query.pageSize ?? 20
  const page = { cursor: decodeCursor(query.cursor), limit: limit + 1, status: query.status }
  const rows = actor.type === 'resident' ? ctx.cases.listByOwner(actor.id, page) : ctx.cases.listVisibleTo(actor, page)
  const items = rows.slice(0, limit)
  return { items: items.map(summaryView), nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!) : null }
}

export function trackCase(ctx: CaseContext, trackingNo: string): TrackResult {
  // the check digit catches a mistyped number before it costs a lookup
  const digits = isValidTrackingNo(trackingNo) ? normalizeTrackingNo(trackingNo) : null
  if (!digits) throw new AppError('TRACKING_NO_INVALID')
  const row = ctx.cases.findByTrackingNo(digits)
  if (!row) throw new AppError('CASE_NOT_FOUND', '没有查到这个查询码对应的诉求，请核对后再试')
  return trackView(row, ctx.cases.eventsOf(row.id))
}
