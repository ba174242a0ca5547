import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import { CITY } from '@xinfang/shared/places'
import type { Database, Q } from '../../db/database'
import type { Tables } from '../../db/schema/definition'
import type { StaffActor } from '../../plugins/auth'

export type CaseRow = Tables['cases']['$inferSelect']
export type NewCase = Tables['cases']['$inferInsert']
export type AssignmentRow = Tables['caseAssignments']['$inferSelect']
export type NewAssignment = Tables['caseAssignments']['$inferInsert']
export type EventRow = Tables['caseEvents']['$inferSelect']
export type NewEvent = Tables['caseEvents']['$inferInsert']
type NewEscalation = Tables['escalations']['$inferInsert']

/** Picks `keys` of a table's columns, for the narrow reads below. */
function columns<T extends object, K extends keyof T>(table: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, table[k]])) as unknown as Pick<T, K>
}

/** What every view of a case opens with (headline in case-views): list items and public tracking alike. */
const HEADLINE = ['trackingNo', 'status', 'category', 'zone', 'regionCode', 'registeredAt'] as const
export type HeadlineRow = Pick<CaseRow, (typeof HEADLINE)[number]>

/**
 * What a list item shows (summaryView) and pages by. Lists read these twelve columns, not the
 * whole row: turning a row's fifty-odd columns into JavaScript values was most of a list's cost.
 */
const SUMMARY = ['id', 'title', 'kind', ...HEADLINE, 'replyOutcome', 'dueAt', 'updatedAt'] as const
export type SummaryRow = Pick<CaseRow, (typeof SUMMARY)[number]>

/** What public tracking shows: the state, its deadlines, and nothing about the resident. */
const TRACKING = [
  'id', ...HEADLINE, 'acceptDue', 'respondDue', 'replyDue', 'satisfaction', 'reviewRequestDue', 'reviewRequestedAt', 'reviewDecidedAt',
  'reviewDue', 'rereviewRequestDue', 'rereviewRequestedAt', 'rereviewDue',
] as const
export type TrackingRow = Pick<CaseRow, (typeof TRACKING)[number]>
const PUBLIC_EVENT = ['at', 'action', 'actorType', 'actorUnit', 'toStatus'] as const
export type PublicEventRow = Pick<EventRow, (typeof PUBLIC_EVENT)[number]>

export interface Page {
  /** the last row of the page before: its registration time (newest first) or its due time (soonest due first) */
  cursor: { at: number; id: string } | null
  limit: number
  status?: string | undefined
  /** newest first (the default), or soonest due first (a zone queue: the hour's clock on top) */
  order?: 'newest' | 'due'
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
  /** only livelihood-zone cases */
  inZone?: boolean
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

function filterSql({ cases, residents }: Tables, f: CaseFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    f.statuses ? inArray(cases.status, [...f.statuses]) : undefined,
    f.dueAfter ? gt(cases.dueAt, f.dueAfter) : undefined,
    f.dueBy ? lte(cases.dueAt, f.dueBy) : undefined,
    f.registeredFrom ? gte(cases.registeredAt, f.registeredFrom) : undefined,
    f.closedFrom ? gte(cases.closedAt, f.closedFrom) : undefined,
    f.ratedFrom ? gte(cases.ratedAt, f.ratedFrom) : undefined,
    f.satisfaction ? inArray(cases.satisfaction, [...f.satisfaction]) : undefined,
    f.inZone ? isNotNull(cases.zone) : undefined,
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
const always = sql`1 = 1`

/**
 * The SQL form of `staffCanSee` in ../policy/case-policy.ts, for lists. The jurisdiction test
 * in tests/api checks that lists and the policy agree on every case.
 */
export function visibleTo({ cases, caseAssignments }: Tables, actor: StaffActor): SQL {
  const placeOf = sql`coalesce(${cases.streetCode}, ${cases.regionCode})`
  const everywhere = actor.region === CITY
  const inJurisdiction = everywhere ? always : within(placeOf, actor.region)
  // an assignment to the actor's unit at or below the actor's level...
  const atOrBelow = everywhere ? always : within(sql`a.region_code`, actor.region)
  // ...or above it (a city unit's case seen by its district branch) when the case is in the actor's area
  const aboveInArea = sql`((a.region_code = ${CITY} or ${actor.region} = a.region_code or ${actor.region} like a.region_code || '.%') and ${inJurisdiction})`
  const heldByUnit = sql`exists (select 1 from ${caseAssignments} a where a.case_id = ${cases.id} and a.ended_at is null and ((a.staff_id is null and a.unit_code = ${actor.unit} and (${atOrBelow} or ${aboveInArea})) or a.staff_id = ${actor.id}))`
  return actor.role === 'handler' ? heldByUnit : sql`(${inJurisdiction} or ${heldByUnit})`
}

/**
 * The cases' reads and writes on one query handle: the database, or a transaction
 * (CaseContext.transaction builds one per transaction).
 */
export function createCaseRepository(db: Database, q: Q = db.q) {
  const t = db.tables
  const { cases, caseAssignments, caseEvents, escalations } = t
  const first = <T>(rows: T[]): T | null => rows[0] ?? null
  /** Cases matching `where` with no `kind` row in escalations for their running clock and due time, soonest due first. */
  const unrecorded = async (kind: NewEscalation['kind'], where: SQL, limit: number): Promise<CaseRow[]> =>
    q
      .select()
      .from(cases)
      .where(and(where, sql`not exists (select 1 from ${escalations} e where e.case_id = ${cases.id} and e.kind = ${kind} and e.clock = ${cases.dueClock} and e.due_at = ${cases.dueAt})`))
      .orderBy(asc(cases.dueAt))
      .limit(limit)
  const afterCursor = (cursor: NonNullable<Page['cursor']>, order: Page['order']) =>
    order === 'due'
      ? or(gt(cases.dueAt, new Date(cursor.at)), and(eq(cases.dueAt, new Date(cursor.at)), gt(cases.id, cursor.id)))
      : or(lt(cases.registeredAt, new Date(cursor.at)), and(eq(cases.registeredAt, new Date(cursor.at)), lt(cases.id, cursor.id)))
  const page = async (where: SQL | undefined, { cursor, limit, status, order }: Page): Promise<SummaryRow[]> =>
    q
      .select(columns(cases, SUMMARY))
      .from(cases)
      .where(and(where, status ? eq(cases.status, status) : undefined, order === 'due' ? isNotNull(cases.dueAt) : undefined, cursor ? afterCursor(cursor, order) : undefined))
      .orderBy(...(order === 'due' ? [asc(cases.dueAt), asc(cases.id)] : [desc(cases.registeredAt), desc(cases.id)]))
      .limit(limit)

  // The reads every detail, tracking and "my cases" request makes, built once (Database.prepared).
  const placeholder = sql.placeholder
  const byId = db.prepared('cases.findById', (q) => q.select().from(cases).where(eq(cases.id, placeholder('id'))))
  const trackingRow = db.prepared('cases.trackingByNo', (q) => q.select(columns(cases, TRACKING)).from(cases).where(eq(cases.trackingNo, placeholder('no'))))
  const publicTimeline = db.prepared('cases.publicTimelineOf', (q) => q.select(columns(caseEvents, PUBLIC_EVENT)).from(caseEvents).where(eq(caseEvents.caseId, placeholder('caseId'))).orderBy(asc(caseEvents.id)))
  const timeline = db.prepared('cases.eventsOf', (q) => q.select().from(caseEvents).where(eq(caseEvents.caseId, placeholder('caseId'))).orderBy(asc(caseEvents.id)))
  const assignmentsInForce = db.prepared('cases.assignmentsOf', (q) =>
    q.select().from(caseAssignments).where(and(eq(caseAssignments.caseId, placeholder('caseId')), isNull(caseAssignments.endedAt))).orderBy(asc(caseAssignments.id)),
  )
  // a resident's first page, the one their app opens with: later pages and filters are built per request
  const ownerFirstPage = db.prepared('cases.ownerFirstPage', (q) =>
    q.select(columns(cases, SUMMARY)).from(cases).where(eq(cases.ownerId, placeholder('ownerId'))).orderBy(desc(cases.registeredAt), desc(cases.id)).limit(placeholder('limit')),
  )

  return {
    async insert(row: NewCase): Promise<CaseRow> {
      return (await db.insertRows(q, cases, [row]))[0]!
    },
    async findById(id: string): Promise<CaseRow | null> {
      return first(await byId(q, { id }))
    },
    /** the id of the case with this number, if there is one */
    async idByTrackingNo(trackingNo: string): Promise<string | null> {
      return first(await q.select({ id: cases.id }).from(cases).where(eq(cases.trackingNo, trackingNo)))?.id ?? null
    },
    /** public tracking's columns of the case with this number */
    async trackingByNo(trackingNo: string): Promise<TrackingRow | null> {
      return first(await trackingRow(q, { no: trackingNo }))
    },
    /** the timeline as the public sees it: what happened, when, and which office */
    async publicTimelineOf(caseId: string): Promise<PublicEventRow[]> {
      return publicTimeline(q, { caseId })
    },
    /** Applies a change only if the case is still in the state it was read in. */
    async update(id: string, expectedStatus: string, patch: Partial<NewCase>): Promise<CaseRow | null> {
      return first(await q.update(cases).set(patch).where(and(eq(cases.id, id), eq(cases.status, expectedStatus))).returning())
    },
    listByOwner(ownerId: string, p: Page): Promise<SummaryRow[]> {
      return p.cursor || p.status ? page(eq(cases.ownerId, ownerId), p) : ownerFirstPage(q, { ownerId, limit: p.limit })
    },
    listVisibleTo(actor: StaffActor, p: Page, filter: CaseFilter = {}): Promise<SummaryRow[]> {
      return page(and(visibleTo(t, actor), filterSql(t, filter)), p)
    },
    async countVisibleTo(actor: StaffActor, filter: CaseFilter): Promise<number> {
      return first(await q.select({ n: count() }).from(cases).where(and(visibleTo(t, actor), filterSql(t, filter))))?.n ?? 0
    },
    /** Open cases whose running clock ran out before `now` and that have no escalation for it yet. */
    overdueUnescalated(now: Date, limit: number): Promise<CaseRow[]> {
      return unrecorded('escalation', lt(cases.dueAt, now), limit)
    },
    /** Cases with a live deadline counted across an unknown year, after `afterId`, in id order. */
    async provisionalAfter(afterId: string, limit: number): Promise<CaseRow[]> {
      // the condition as the partial index writes it, so the engine uses the index
      return q.select().from(cases).where(and(db.isTrue(cases.provisionalDue), gt(cases.id, afterId))).orderBy(asc(cases.id)).limit(limit)
    },
    /** Cases whose running clock runs out after `now` and by `dueBy`, not yet warned of for that clock and due time. */
    dueSoonUnwarned(now: Date, dueBy: Date, limit: number): Promise<CaseRow[]> {
      return unrecorded('warning', and(gt(cases.dueAt, now), lte(cases.dueAt, dueBy))!, limit)
    },

    /** False when this clock and due time were recorded already: the caller then tells nobody again. */
    async addEscalation(row: NewEscalation): Promise<boolean> {
      return (await q.insert(escalations).values(row).onConflictDoNothing().returning({ id: escalations.id })).length > 0
    },

    async insertAssignments(rows: NewAssignment[]): Promise<AssignmentRow[]> {
      return db.insertRows(q, caseAssignments, rows)
    },
    /** The assignments in force: ended ones (reassigned, objection upheld) stay for the record only. */
    async assignmentsOf(caseId: string): Promise<AssignmentRow[]> {
      return assignmentsInForce(q, { caseId })
    },
    /** assignmentsOf for a page of cases in one query, keyed by case id */
    async assignmentsOfCases(caseIds: readonly string[]): Promise<Map<string, AssignmentRow[]>> {
      const byCase = new Map<string, AssignmentRow[]>(caseIds.map((id) => [id, []]))
      if (caseIds.length === 0) return byCase
      const rows = await q
        .select()
        .from(caseAssignments)
        .where(and(inArray(caseAssignments.caseId, [...caseIds]), isNull(caseAssignments.endedAt)))
        .orderBy(asc(caseAssignments.id))
      for (const row of rows) byCase.get(row.caseId)?.push(row)
      return byCase
    },
    async updateAssignment(id: number, patch: Partial<NewAssignment>): Promise<void> {
      await q.update(caseAssignments).set(patch).where(eq(caseAssignments.id, id))
    },

    async addEvents(rows: NewEvent[]): Promise<void> {
      await db.insertRows(q, caseEvents, rows)
    },
    async eventsOf(caseId: string): Promise<EventRow[]> {
      return timeline(q, { caseId })
    },
  }
}

export type CaseRepository = ReturnType<typeof createCaseRepository>
