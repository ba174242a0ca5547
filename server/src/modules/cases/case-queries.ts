import type { CaseDetail, CaseList, TrackResult } from '@xinfang/shared/contracts/cases'
import { maskName, maskPhone } from '@xinfang/shared/masking'
import { isValidTrackingNo, normalizeTrackingNo } from '@xinfang/shared/tracking-number'
import { AppError } from '../../lib/app-error'
import type { Actor, StaffActor } from '../../plugins/auth'
import { fileRef } from '../files/file-views'
import { permittedActions } from '../policy/action-policy'
import type { CaseContext } from './case-context'
import { caseFacts, loadVisible, type LoadedCase } from './case-facts'
import type { CaseRow, Page, SummaryRow } from './case-repository'
import { detailView, residentActions, summaryView, trackView, type StaffContact } from './case-views'

/** Roles that may learn who is behind an anonymous case: the petition office, never the unit. */
const SEES_ANONYMOUS = new Set(['office', 'supervisor', 'leader'])

/** The resident as staff see them in the detail: masked; the full value is a separate, audited request. */
async function residentBlock(ctx: CaseContext, actor: StaffActor, row: CaseRow): Promise<CaseDetail['resident']> {
  if (row.anonymous && !SEES_ANONYMOUS.has(actor.role)) return null
  const resident = await ctx.residents.findById(row.ownerId)
  if (!resident) return null
  const decrypt = (value: string | null) => (value ? ctx.pii.decrypt(value) : null)
  const name = decrypt(resident.nameEnc)
  const phone = decrypt(resident.phoneEnc)
  return { name: name ? maskName(name) : null, phone: phone ? maskPhone(phone) : null, verified: resident.verified }
}

/** the stored masked copy; a row the start-up backfill has not reached yet is decrypted and masked */
const maskedContactPhone = (ctx: CaseContext, row: CaseRow): string | null =>
  row.contactPhoneMasked ?? (row.contactPhoneEnc ? maskPhone(ctx.pii.decrypt(row.contactPhoneEnc)) : null)

async function staffContacts(ctx: CaseContext, ids: Iterable<string>): Promise<Map<string, StaffContact>> {
  const byId = new Map<string, StaffContact>()
  for (const id of new Set(ids)) {
    const member = await ctx.staff.findById(id)
    if (member) byId.set(id, { name: member.name, phone: member.phoneEnc ? ctx.pii.decrypt(member.phoneEnc) : null })
  }
  return byId
}

/** The case as `actor` may see it, with its timeline, files and the actions open to them. */
export const caseDetail = (ctx: CaseContext, actor: Actor, caseId: string): Promise<CaseDetail> => ctx.snapshot((ctx) => readDetail(ctx, actor, caseId))

async function readDetail(ctx: CaseContext, actor: Actor, caseId: string): Promise<CaseDetail> {
  const loaded: LoadedCase = await loadVisible(ctx, actor, caseId)
  const { row, assignments } = loaded
  const events = await ctx.cases.eventsOf(row.id)
  // who acted on the timeline and who holds the case are mostly the same people: one read each
  const staffById = await staffContacts(ctx, [
    ...events.flatMap((e) => (e.actorType === 'staff' && e.actorId ? [e.actorId] : [])),
    ...assignments.flatMap((a) => (a.staffId ? [a.staffId] : [])),
  ])
  const now = ctx.clock.now()
  const facts = actor.type === 'resident' ? null : await caseFacts(ctx, loaded)
  const files = await ctx.files.listByCase(row.id)
  return detailView(row, actor, {
    now,
    assignments,
    allowedActions: actor.type === 'resident' ? residentActions(row) : permittedActions(actor, facts!, now),
    resident: actor.type === 'staff' ? await residentBlock(ctx, actor, row) : null,
    events,
    attachments: files.map((f) => fileRef(f, ctx.signer, now)),
    staffById,
    contactPhone: actor.type === 'resident' || !row.anonymous || SEES_ANONYMOUS.has(actor.role) ? maskedContactPhone(ctx, row) : null,
  })
}

/** Where the next page starts: after this row, by the time the list is ordered on. */
export const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.getTime()}:${id}`).toString('base64url')

export function decodeCursor(cursor: string | undefined): Page['cursor'] {
  if (!cursor) return null
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':')
  const at = Number(time)
  if (!id || !Number.isSafeInteger(at)) throw new AppError('VALIDATION_FAILED', '「翻页位置」无效，请刷新列表')
  return { at, id }
}

/** One page of rows fetched with one extra, so we know whether there is a next page; `at` is the time the list is ordered on. */
export function pageOf<T>(rows: SummaryRow[], limit: number, view: (row: SummaryRow) => T, at: (row: SummaryRow) => Date = (row) => row.registeredAt): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return { items: items.map(view), nextCursor: rows.length > limit && last ? encodeCursor(at(last), last.id) : null }
}

export async function listCases(ctx: CaseContext, actor: Actor, query: { status?: string; cursor?: string; pageSize?: number }): Promise<CaseList> {
  const limit = query.pageSize ?? 20
  const page = { cursor: decodeCursor(query.cursor), limit: limit + 1, status: query.status }
  const rows = await (actor.type === 'resident' ? await ctx.cases.listByOwner(actor.id, page) : await ctx.cases.listVisibleTo(actor, page))
  const now = ctx.clock.now()
  return pageOf(rows, limit, (row) => summaryView(row, now))
}

export async function trackCase(ctx: CaseContext, trackingNo: string): Promise<TrackResult> {
  // the check digit catches a mistyped number before it costs a lookup
  const digits = isValidTrackingNo(trackingNo) ? normalizeTrackingNo(trackingNo) : null
  if (!digits) throw new AppError('TRACKING_NO_INVALID')
  return ctx.snapshot(async (ctx) => {
    const row = await ctx.cases.trackingByNo(digits)
    if (!row) throw new AppError('CASE_NOT_FOUND', '没有查到这个查询码对应的诉求，请核对后再试')
    return trackView(row, await ctx.cases.publicTimelineOf(row.id))
  })
}
