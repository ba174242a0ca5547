import { and, asc, count, eq, gte, like, lt, or, type Column, type SQL } from 'drizzle-orm'
import type { Database, Q } from '../../db/database'
import type { Tables } from '../../db/schema/definition'
import type { StaffActor } from '../../plugins/auth'
import { visibleTo } from '../cases/case-repository'

export type HousingProjectRow = Tables['housingProjects']['$inferSelect']
export type HeatStationRow = Tables['heatStations']['$inferSelect']
export type ZoneCaseRow = Tables['zoneCases']['$inferSelect']
export type NewZoneCase = Tables['zoneCases']['$inferInsert']

export interface PlaceFilter {
  region?: string
  /** a few characters of the name or the address */
  q?: string
}

const LIST_LIMIT = 200
/** `%` and `_` typed by a resident would be wildcards (and SQLite's LIKE has no default escape): they are dropped */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '')}%`

/** The zones' directories (housing projects, heat stations) and the forms zone cases were filed with. */
export function createZoneRepository(db: Database, q: Q = db.q) {
  const { housingProjects, heatStations, zoneCases } = db.tables
  const filtered = (filter: PlaceFilter, cols: { active: Column; region: Column; name: Column; address: Column }): SQL | undefined =>
    and(
      eq(cols.active, true),
      filter.region ? eq(cols.region, filter.region) : undefined,
      filter.q ? or(like(cols.name, containing(filter.q)), like(cols.address, containing(filter.q))) : undefined,
    )
  return {
    async listProjects(filter: PlaceFilter): Promise<HousingProjectRow[]> {
      const p = housingProjects
      return q.select().from(p).where(filtered(filter, { active: p.active, region: p.regionCode, name: p.name, address: p.address })).orderBy(asc(p.regionCode), asc(p.name)).limit(LIST_LIMIT)
    },
    async findProject(id: string): Promise<HousingProjectRow | null> {
      return (await q.select().from(housingProjects).where(and(eq(housingProjects.id, id), eq(housingProjects.active, true))))[0] ?? null
    },
    async listStations(filter: PlaceFilter): Promise<HeatStationRow[]> {
      const s = heatStations
      return q.select().from(s).where(filtered(filter, { active: s.active, region: s.regionCode, name: s.name, address: s.address })).orderBy(asc(s.regionCode), asc(s.name)).limit(LIST_LIMIT)
    },
    async findStation(code: string): Promise<HeatStationRow | null> {
      return (await q.select().from(heatStations).where(and(eq(heatStations.code, code), eq(heatStations.active, true))))[0] ?? null
    },
    async insertZoneCase(row: NewZoneCase): Promise<void> {
      await db.insertRows(q, zoneCases, [row])
    },
    /** The zone's cases registered in [from, to) that `actor` may see, with what their forms said: what the statistics count. */
    async statsRows(actor: StaffActor, zone: string, from: Date, to: Date) {
      const { cases } = db.tables
      return q
        .select({
          status: cases.status,
          zoneTriage: cases.zoneTriage,
          respondDue: cases.respondDue,
          replyDue: cases.replyDue,
          repliedAt: cases.repliedAt,
          category: cases.category,
          projectId: zoneCases.projectId,
          employer: zoneCases.employer,
          stationCode: zoneCases.stationCode,
          matter: zoneCases.matter,
          projectName: housingProjects.name,
          stationName: heatStations.name,
        })
        .from(cases)
        .leftJoin(zoneCases, eq(zoneCases.caseId, cases.id))
        .leftJoin(housingProjects, eq(housingProjects.id, zoneCases.projectId))
        .leftJoin(heatStations, eq(heatStations.code, zoneCases.stationCode))
        .where(and(eq(cases.zone, zone), gte(cases.registeredAt, from), lt(cases.registeredAt, to), visibleTo(db.tables, actor)))
    },
    /** A project's zone cases by status, for its public page: how many, never whose. */
    async projectCaseCounts(projectId: string): Promise<{ status: string; count: number }[]> {
      const { cases } = db.tables
      return q.select({ status: cases.status, count: count() }).from(zoneCases).innerJoin(cases, eq(cases.id, zoneCases.caseId)).where(eq(zoneCases.projectId, projectId)).groupBy(cases.status)
    },
    async zoneCaseOf(caseId: string): Promise<ZoneCaseRow | null> {
      return (await q.select().from(zoneCases).where(eq(zoneCases.caseId, caseId)))[0] ?? null
    },
  }
}

export type ZoneRepository = ReturnType<typeof createZoneRepository>
