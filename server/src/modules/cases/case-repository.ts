import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import { CITY } from '@xinfang/shared/places'
import type { Db } from '../../db/client'
import { preparedInsert } from '../../db/fast-insert'
import { caseAssignments, caseEvents, cases, escalations, residents } from '../../db/schema'
import type { StaffActor } from '../../plugins/auth'

export type CaseRow = typeof cases.$inferSelect
export type NewCase = typeof cases.$inferInsert
export type AssignmentRow = typeof caseAssignments.$inferSelect
export type EventRow = typeof caseEvents.$inferSelect
export type NewEvent = typeof caseEvents.$inferInsert

/** What every view of a case opens with (headline in case-views): list items and public tracking alike. */
const headlineColumns = {
  trackingNo: cases.trackingNo,
  status: cases.status,
  category: cases.category,
  zone: cases.zone,
  regionCode: cases.regionCode,
  registeredAt: cases.registeredAt,
}
export type HeadlineRow = Pick<CaseRow, keyof typeof headlineColumns>

/**
 * What a list item shows (summaryView) and pages by. Lists read these twelve columns, not the
 * whole row: turning a row's fifty-odd columns into JavaScript values was most of a list's cost.
 */
const summaryColumns = {
  id: cases.id,
  title: cases.title,
  kind: cases.kind,
  ...headlineColumns,
  replyOutcome: cases.replyOutcome,
  dueAt: cases.dueAt,
  updatedAt: cases.updatedAt,
}
export type SummaryRow = Pick<CaseRow, keyof typeof summaryColumns>

/** What public tracking shows: the state, its deadlines, and nothing about the resident. */
const trackingColumns = {
  id: cases.id,
  ...headlineColumns,
  acceptDue: cases.acceptDue,
  respondDue: cases.respondDue,
  replyDue: cases.replyDue,
  satisfaction: cases.satisfaction,
  reviewRequestDue: cases.reviewRequestDue,
  reviewRequestedAt: cases.reviewRequestedAt,
  reviewDecidedAt: cases.reviewDecidedAt,
  reviewDue: cases.reviewDue,
  rereviewRequestDue: cases.rereviewRequestDue,
  rereviewRequestedAt: cases.rereviewRequestedAt,
  rereviewDue: cases.rereviewDue,
}
export type TrackingRow = Pick<CaseRow, keyof typeof trackingColumns>
const publicEventColumns = { at: caseEvents.at, action: caseEvents.action, actorType: caseEvents.actorType, actorUnit: caseEvents.actorUnit, toStatus: caseEvents.toStatus }
export type PublicEventRow = Pick<EventRow, keyof typeof publicEventColumns>

export interface Page {
  cursor: { registeredAt: number; id: string } | null
  limit: number
  status?: string | undefined
}

/** What the workbench narrows a staff member's cases by; every field is optional and they all apply. */
export interface CaseFilter {
  statuses?: readonly string[]
  /** the running clock runs out after / at or before */
  dueAfter?: Date
  dueBy?: Date
  registeredFrom?: Date
  closedFrom?: Date
  ratedFrom?: Date
  satisfaction?: readonly string[]
  /** in the title or the content */
  keyword?: string
  /** the resident's verified phone or the case's contact phone, as a keyed hash */
  phoneHash?: string
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

function filterSql(f: CaseFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    f.statuses ? inArray(cases.status, [...f.statuses]) : undefined,
    f.dueAfter ? gt(cases.dueAt, f.dueAfter) : undefined,
    f.dueBy ? lte(cases.dueAt, f.dueBy) : undefined,
    f.registeredFrom ? gte(cases.registeredAt, f.registeredFrom) : undefined,
    f.closedFrom ? gte(cases.closedAt, f.closedFrom) : undefined,
    f.ratedFrom ? gte(cases.ratedAt, f.ratedFrom) : undefined,
    f.satisfaction ? inArray(cases.satisfaction, [...f.satisfaction]) : undefined,
    f.keyword ? sql`(${cases.title} like ${`%${escapeLike(f.keyword)}%`} escape '\\' or ${cases.content} like ${`%${escapeLike(f.keyword)}%`} escape '\\')` : undefined,
    f.phoneHash
      ? sql`(${cases.contactPhoneHash} = ${f.phoneHash} or ${cases.ownerId} in (select ${residents.id} from ${residents} where ${residents.phoneHash} = ${f.phoneHash}))`
      : undefined,
  ]
  return and(...parts)
}

// Place codes are [a-z0-9] segments joined by dots, so LIKE's wildcards never occur in them.
/** the dotted place code `c` lies at or below `ancestor` */
const within = (c: SQL, ancestor: string) => sql`(${c} = ${ancestor} or ${c} like ${`${ancestor}.%`})`
const placeOf = sql`coalesce(${cases.streetCode}, ${cases.regionCode})`
const always = sql`1 = 1`

/**
 * The SQL form of `staffCanSee` in ../policy/case-policy.ts, for lists. The jurisdiction test
 * in tests/api checks that lists and the policy agree on every case.
 */
export function visibleTo(actor: StaffActor): SQL {
  const everywhere = actor.region === CITY
  const inJurisdiction = everywhere ? always : within(placeOf, actor.region)
  // an assignment to the actor's unit at or below the actor's level...
  const atOrBelow = everywhere ? always : within(sql`a.region_code`, actor.region)
  // ...or above it (a city unit's case seen by its district branch) when the case is in the actor's area
  const aboveInArea = sql`((a.region_code = ${CITY} or ${actor.region} = a.region_code or ${actor.region} like a.region_code || '.%') and ${inJurisdiction})`
  const heldByUnit = sql`exists (select 1 from ${caseAssignments} a where a.case_id = ${cases.id} and a.ended_at is null and ((a.staff_id is null and a.unit_code = ${actor.unit} and (${atOrBelow} or ${aboveInArea})) or a.staff_id = ${actor.id}))`
  return actor.role === 'handler' ? heldByUnit : sql`(${inJurisdiction} or ${heldByUnit})`
}

const byId = sql.placeholder('id')

export function createCaseRepository(db: Db) {
  /** Cases matching `where` with no `kind` row in escalations for their running clock and due time, soonest due first. */
  const unrecorded = (kind: (typeof escalations.$inferSelect)['kind'], where: SQL, limit: number): CaseRow[] =>
    db
      .select()
      .from(cases)
      .where(and(where, sql`not exists (select 1 from ${escalations} e where e.case_id = ${cases.id} and e.kind = ${kind} and e.clock = ${cases.dueClock} and e.due_at = ${cases.dueAt})`))
      .orderBy(asc(cases.dueAt))
      .limit(limit)
      .all()
  const afterCursor = (cursor: NonNullable<Page['cursor']>) =>
    or(lt(cases.registeredAt, new Date(cursor.registeredAt)), and(eq(cases.registeredAt, new Date(cursor.registeredAt)), lt(cases.id, cursor.id)))
  const page = (where: SQL | undefined, { cursor, limit, status }: Page) =>
    db
      .select(summaryColumns)
      .from(cases)
      .where(and(where, status ? eq(cases.status, status) : undefined, cursor ? afterCursor(cursor) : undefined))
      .orderBy(desc(cases.registeredAt), desc(cases.id))
      .limit(limit)
      .all()

  // The reads behind every detail, tracking and first-page request, built and prepared once:
  // drizzle would otherwise rebuild the SQL and SQLite re-prepare it on each call.
  const statements = {
    byId: db.select().from(cases).where(eq(cases.id, byId)).prepare(),
    tracking: db
      .select(trackingColumns)
      .from(cases)
      .where(eq(cases.trackingNo, sql.placeholder('no')))
      .prepare(),
    publicTimeline: db.select(publicEventColumns).from(caseEvents).where(eq(caseEvents.caseId, byId)).orderBy(asc(caseEvents.id)).prepare(),
    idByTrackingNo: db.select({ id: cases.id }).from(cases).where(eq(cases.trackingNo, sql.placeholder('no'))).prepare(),
    assignmentsOf: db
      .select()
      .from(caseAssignments)
      .where(and(eq(caseAssignments.caseId, byId), isNull(caseAssignments.endedAt)))
      .orderBy(asc(caseAssignments.id))
      .prepare(),
    eventsOf: db.select().from(caseEvents).where(eq(caseEvents.caseId, byId)).orderBy(asc(caseEvents.id)).prepare(),
    ownersFirstPage: db
      .select(summaryColumns)
      .from(cases)
      .where(eq(cases.ownerId, byId))
      .orderBy(desc(cases.registeredAt), desc(cases.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  }

  const inserts = { case: preparedInsert(db, cases), assignment: preparedInsert(db, caseAssignments), event: preparedInsert(db, caseEvents) }

  return {
    insert(row: NewCase): CaseRow {
      return inserts.case(row)
    },
    findById(id: string): CaseRow | null {
      return statements.byId.get({ id }) ?? null
    },
    /** the id of the case with this number, if there is one */
    idByTrackingNo(trackingNo: string): string | null {
      return statements.idByTrackingNo.get({ no: trackingNo })?.id ?? null
    },
    /** public tracking's columns of the case with this number */
    trackingByNo(trackingNo: string): TrackingRow | null {
      return statements.tracking.get({ no: trackingNo }) ?? null
    },
    /** the timeline as the public sees it: what happened, when, and which office */
    publicTimelineOf(caseId: string): PublicEventRow[] {
      return statements.publicTimeline.all({ id: caseId })
    },
    /** Applies a change only if the case is still in the state it was read in. */
    update(id: string, expectedStatus: string, patch: Partial<NewCase>): CaseRow | null {
      return db.update(cases).set(patch).where(and(eq(cases.id, id), eq(cases.status, expectedStatus))).returning().get() ?? null
    },
    listByOwner(ownerId: string, p: Page): SummaryRow[] {
      return p.cursor || p.status ? page(eq(cases.ownerId, ownerId), p) : statements.ownersFirstPage.all({ id: ownerId, limit: p.limit })
    },
    listVisibleTo(actor: StaffActor, p: Page, filter: CaseFilter = {}): SummaryRow[] {
      return page(and(visibleTo(actor), filterSql(filter)), p)
    },
    countVisibleTo(actor: StaffActor, filter: CaseFilter): number {
      return db.select({ n: count() }).from(cases).where(and(visibleTo(actor), filterSql(filter))).get()?.n ?? 0
    },
    /** Open cases whose running clock ran out before `now` and that have no escalation for it yet. */
    overdueUnescalated(now: Date, limit: number): CaseRow[] {
      return unrecorded('escalation', lt(cases.dueAt, now), limit)
    },
    /** Cases with a live deadline counted across an unknown year, after `afterId`, in id order. */
    provisionalAfter(afterId: string, limit: number): CaseRow[] {
      return db
        .select()
        .from(cases)
        .where(and(sql`${cases.provisionalDue} = 1`, gt(cases.id, afterId)))  // the literal lets SQLite use the partial index
        .orderBy(asc(cases.id))
        .limit(limit)
        .all()
    },
    /** Cases whose running clock runs out after `now` and by `dueBy`, not yet warned of for that clock and due time. */
    dueSoonUnwarned(now: Date, dueBy: Date, limit: number): CaseRow[] {
      return unrecorded('warning', and(gt(cases.dueAt, now), lte(cases.dueAt, dueBy))!, limit)
    },

    /** False when this clock and due time were recorded already: the caller then tells nobody again. */
    addEscalation(row: typeof escalations.$inferInsert): boolean {
      return db.insert(escalations).values(row).onConflictDoNothing().run().changes > 0
    },

    insertAssignments(rows: (typeof caseAssignments.$inferInsert)[]): AssignmentRow[] {
      return rows.map(inserts.assignment)
    },
    /** The assignments in force: ended ones (reassigned, objection upheld) stay for the record only. */
    assignmentsOf(caseId: string): AssignmentRow[] {
      return statements.assignmentsOf.all({ id: caseId })
    },
    /** assignmentsOf for a page of cases in one query, keyed by case id */
    assignmentsOfCases(caseIds: readonly string[]): Map<string, AssignmentRow[]> {
      const byCase = new Map<string, AssignmentRow[]>(caseIds.map((id) => [id, []]))
      if (caseIds.length === 0) return byCase
      const rows = db
        .select()
        .from(caseAssignments)
        .where(and(inArray(caseAssignments.caseId, [...caseIds]), isNull(caseAssignments.endedAt)))
        .orderBy(asc(caseAssignments.id))
        .all()
      for (const row of rows) byCase.get(row.caseId)?.push(row)
      return byCase
    },
    updateAssignment(id: number, patch: Partial<typeof caseAssignments.$inferInsert>): void {
      db.update(caseAssignments).set(patch).where(eq(caseAssignments.id, id)).run()
    },

    addEvents(rows: NewEvent[]): void {
      for (const row of rows) inserts.event(row)
    },
    eventsOf(caseId: string): EventRow[] {
      return statements.eventsOf.all({ id: caseId })
    },
  }
}

export type CaseRepository = ReturnType<typeof createCaseRepository>
