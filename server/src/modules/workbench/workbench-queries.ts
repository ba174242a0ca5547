import { UNITS, isUnitCode, unitName } from '@xinfang/shared/catalog'
import type { CaseStatus } from '@xinfang/shared/case-status'
import { chinaDateString, dueSoonLimit } from '@xinfang/shared/deadlines'
import { presentAt } from '@xinfang/shared/counterparts'
import { orgName } from '@xinfang/shared/org'
import { ancestorsOf, CITY, districtOf, fullPlaceName, isWithin, placeLevel, placeName, streetsOf } from '@xinfang/shared/places'
import { isValidTrackingNo, normalizeTrackingNo } from '@xinfang/shared/tracking-number'
import type { Assignees, QueueBucket, SearchResult, WorkbenchSummary, WorkItem, WorkList } from '@xinfang/shared/contracts/workbench'
import type { StaffActor } from '../../plugins/auth'
import type { CaseContext } from '../cases/case-context'
import { findVisible, loadVisibleCase, placeOfCase } from '../cases/case-facts'
import type { AssignmentRow, CaseFilter, Page, SummaryRow } from '../cases/case-repository'
import { assignmentView, summaryView } from '../cases/case-views'
import { decodeCursor, pageOf } from '../cases/case-queries'

const DAY_MS = 86_400_000
const SATISFACTION_WINDOW_DAYS = 30

/** Where a zone case still owes its answer: before the reply. */
const ZONE_OPEN: CaseStatus[] = ['registered', 'mediating', 'accepted']

/** The queues, as filters on the cases a person may see. */
function bucketFilter(bucket: QueueBucket, now: Date): CaseFilter {
  switch (bucket) {
    case 'to_accept':
      return { statuses: ['registered', 'review_requested', 'rereview_requested'] satisfies CaseStatus[] }
    case 'to_handle':
      return { statuses: ['accepted', 'mediating', 'reviewing', 'rereviewing'] satisfies CaseStatus[] }
    case 'due_soon':
      return { dueAfter: now, dueBy: dueSoonLimit(now) }
    case 'overdue':
      return { dueBy: now }
    case 'zones':
      return { inZone: true, statuses: ZONE_OPEN }
  }
}

/** A zone queue is worked soonest due first, so the hour's questions come before the 3 days' problems. */
const orderOf = (bucket: QueueBucket) => (bucket === 'zones' ? 'due' : 'newest')

const startOfChinaDay = (now: Date) => new Date(`${chinaDateString(now)}T00:00:00+08:00`)

const workItem = (row: SummaryRow, holders: readonly AssignmentRow[], now: Date): WorkItem => ({
  ...summaryView(row, now),
  holders: holders.map((a) => assignmentView(a).unitName),
})

function workList(ctx: CaseContext, actor: StaffActor, filter: CaseFilter, query: { cursor?: string; pageSize?: number }, order: Page['order'] = 'newest'): Promise<WorkList> {
  const limit = query.pageSize ?? 20
  const now = ctx.clock.now()
  return ctx.snapshot(async (ctx) => {
    const rows = await ctx.cases.listVisibleTo(actor, { cursor: decodeCursor(query.cursor), limit: limit + 1, order }, filter)
    // the page's holders in one query, not one per item
    const holders = await ctx.cases.assignmentsOfCases(rows.slice(0, limit).map((row) => row.id))
    return pageOf(rows, limit, (row) => workItem(row, holders.get(row.id) ?? [], now), order === 'due' ? (row) => row.dueAt! : undefined)
  })
}

export const queue = (ctx: CaseContext, actor: StaffActor, query: { bucket: QueueBucket; cursor?: string; pageSize?: number }): Promise<WorkList> =>
  workList(ctx, actor, bucketFilter(query.bucket, ctx.clock.now()), query, orderOf(query.bucket))

/** The jurisdiction at a glance: the four queues and today's figures. */
export async function summary(ctx: CaseContext, actor: StaffActor): Promise<WorkbenchSummary> {
  const now = ctx.clock.now()
  const today = startOfChinaDay(now)
  const ratedFrom = new Date(now.getTime() - SATISFACTION_WINDOW_DAYS * DAY_MS)
  // one moment of the database for every figure, so the queues add up; one after another, as a transaction's statements go
  const figures = await ctx.snapshot(async (ctx) => {
    const count = (filter: CaseFilter) => ctx.cases.countVisibleTo(actor, filter)
    return {
      rated: await count({ ratedFrom }),
      satisfied: await count({ ratedFrom, satisfaction: ['satisfied', 'basic'] }),
      overdue: await count(bucketFilter('overdue', now)),
      toAccept: await count(bucketFilter('to_accept', now)),
      toHandle: await count(bucketFilter('to_handle', now)),
      dueSoon: await count(bucketFilter('due_soon', now)),
      zones: await count(bucketFilter('zones', now)),
      newCases: await count({ registeredFrom: today }),
      closed: await count({ closedFrom: today, statuses: ['closed'] }),
    }
  })
  const { rated, satisfied, overdue } = figures
  return {
    jurisdiction: {
      region: actor.region,
      regionName: fullPlaceName(actor.region) ?? actor.region,
      unit: actor.unit,
      unitName: isUnitCode(actor.unit) ? unitName(actor.unit) : actor.unit,
      orgName: orgName(actor.unit, actor.region),
    },
    counts: { to_accept: figures.toAccept, to_handle: figures.toHandle, due_soon: figures.dueSoon, overdue, zones: figures.zones },
    today: {
      date: chinaDateString(now),
      newCases: figures.newCases,
      closed: figures.closed,
      overdue,
      rated,
      satisfied,
      satisfactionRate: rated === 0 ? null : Math.round((satisfied / rated) * 1000) / 1000,
    },
  }
}

const PHONE = /^1[3-9]\d{9}$/

/** One box for everything: a tracking number, a phone number, or words from the title or content. */
export async function search(ctx: CaseContext, actor: StaffActor, query: { q: string; cursor?: string; pageSize?: number }): Promise<SearchResult> {
  const q = query.q.trim()
  if (isValidTrackingNo(q)) {
    const id = await ctx.cases.idByTrackingNo(normalizeTrackingNo(q)!)
    const visible = id ? await findVisible(ctx, actor, id) : null
    return { items: visible ? [workItem(visible.row, visible.assignments, ctx.clock.now())] : [], nextCursor: null, matchedBy: 'tracking_no' }
  }
  const digits = q.replace(/[\s-]/g, '')
  if (PHONE.test(digits)) return { ...(await workList(ctx, actor, { phoneHash: ctx.pii.hash(digits) }, query)), matchedBy: 'phone' }
  return { ...(await workList(ctx, actor, { keyword: q }, query)), matchedBy: 'keyword' }
}

/**
 * Whom this office may hand the case to: units at its level (and, from the city, their
 * counterparts in the case's district), the petition offices below it on the way to the case's
 * place, and the grid members there.
 */
export async function assignees(ctx: CaseContext, actor: StaffActor, caseId: string): Promise<Assignees> {
  const row = await loadVisibleCase(ctx, actor, caseId)
  const place = placeOfCase(row)
  const district = place ? districtOf(place) : null
  const levels = [actor.region, ...(actor.region === CITY && district ? [district] : [])].filter((r) => r === CITY || placeLevel(r) === 'district')
  const units = levels.flatMap((region) => UNITS.filter((u) => u.code !== 'petition' && presentAt(u.code, region)).map((u) => ({ unit: u.code, region, name: orgName(u.code, region) })))
  const below = (code: string) => code !== actor.region && isWithin(code, actor.region)
  const path = place ? [...ancestorsOf(place), place] : []
  // a case placed only at a district may go to any of its streets
  const streets = place && placeLevel(place) === 'district' && district ? streetsOf(district).map((s) => s.code) : []
  const offices = [...new Set([...path, ...streets])]
    .filter((code) => below(code) && ['district', 'street', 'community'].includes(placeLevel(code) ?? ''))
    .map((region) => ({ region, name: orgName('petition', region) }))
  const gridArea = place && isWithin(place, actor.region) ? place : actor.region
  const gridMembers = (await ctx.staff.gridMembersWithin(gridArea)).map((m) => ({ id: m.id, name: m.name, region: m.regionCode, regionName: placeName(m.regionCode) ?? m.regionCode }))
  return { units, offices, gridMembers }
}
