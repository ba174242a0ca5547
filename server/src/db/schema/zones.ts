import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { SchemaKit } from './kit'

/**
 * The livelihood zones' own tables (民生专区): the housing projects and heat stations a zone form
 * picks from, and what a zone case's form said, kept beside the case so the zone's statistics can
 * count by project, employer and heat station without reading anyone's words.
 */
export function defineZoneTables(k: SchemaKit, caseId: () => AnyPgColumn) {
  const housingProjects = k.table(
    'housing_projects',
    {
      id: k.text('id').primaryKey(),
      name: k.text('name').notNull(),
      developer: k.text('developer').notNull(),
      address: k.text('address').notNull(),
      regionCode: k.text('region_code').notNull(),
      streetCode: k.text('street_code'),
      /** the delivery date the sales contracts promise, as the housing bureau records it (YYYY-MM-DD) */
      promisedDelivery: k.text('promised_delivery'),
      active: k.boolean('active').notNull().default(true),
      createdAt: k.time('created_at').notNull(),
    },
    (t) => [k.index('housing_projects_region').on(t.regionCode, t.name)],
  )

  const heatStations = k.table(
    'heat_stations',
    {
      code: k.text('code').primaryKey(),
      name: k.text('name').notNull(),
      address: k.text('address').notNull(),
      regionCode: k.text('region_code').notNull(),
      streetCode: k.text('street_code'),
      active: k.boolean('active').notNull().default(true),
      createdAt: k.time('created_at').notNull(),
    },
    (t) => [k.index('heat_stations_region').on(t.regionCode, t.name)],
  )

  /** One row per case filed through a zone's own form. */
  const zoneCases = k.table(
    'zone_cases',
    {
      caseId: k.text('case_id').primaryKey().references(caseId),
      zone: k.text('zone').notNull(),
      /** consult / policy / progress / problem: what decided the clock */
      ask: k.text('ask').notNull(),
      projectId: k.text('project_id').references(() => housingProjects.id),
      stationCode: k.text('station_code').references(() => heatStations.code),
      /** wages: the employer named, trimmed, for counting repeated employers */
      employer: k.text('employer'),
      /** the form's chosen matter (交付逾期, 执行…), for the zone's top repeated matters */
      matter: k.text('matter'),
      form: k.json('form').$type<Record<string, string | number>>().notNull(),
      createdAt: k.time('created_at').notNull(),
    },
    (t) => [
      k.index('zone_cases_project').on(t.projectId),
      k.index('zone_cases_station').on(t.stationCode),
      k.index('zone_cases_employer').on(t.zone, t.employer),
    ],
  )

  return { housingProjects, heatStations, zoneCases }
}
