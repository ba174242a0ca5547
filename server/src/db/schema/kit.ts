import { sql, type SQL } from 'drizzle-orm'
import * as pg from 'drizzle-orm/pg-core'
import * as lite from 'drizzle-orm/sqlite-core'

/**
 * The column types the schema is written in, once for both engines (definition.ts). Each engine
 * gets its own drizzle tables from the same definition: SQLite stores times as epoch
 * milliseconds and booleans as 0/1, PostgreSQL as timestamptz(3) and boolean. The PostgreSQL
 * builders give the tables their TypeScript types; the SQLite ones produce the same row types
 * (Date, boolean, number, string, JSON), so services are typed once and never see the engine.
 */
export const pgKit = {
  engine: 'postgres' as const,
  table: pg.pgTable,
  text: pg.text,
  integer: pg.integer,
  real: (name: string) => pg.doublePrecision(name),
  boolean: (name: string) => pg.boolean(name),
  /** a moment, to the millisecond */
  time: (name: string) => pg.timestamp(name, { mode: 'date', withTimezone: true, precision: 3 }),
  json: (name: string) => pg.jsonb(name),
  /** a row number the database hands out */
  serial: (name: string) => pg.integer(name).primaryKey().generatedByDefaultAsIdentity(),
  index: pg.index,
  uniqueIndex: pg.uniqueIndex,
  check: pg.check,
  primaryKey: pg.primaryKey,
  /** a partial index's condition that a boolean column is true, in the engine's own words */
  isTrue: (column: string): SQL => sql.raw(column),
}

export type SchemaKit = typeof pgKit

const sqliteKit = {
  engine: 'sqlite' as const,
  table: lite.sqliteTable,
  text: lite.text,
  integer: (name: string) => lite.integer(name),
  real: (name: string) => lite.real(name),
  boolean: (name: string) => lite.integer(name, { mode: 'boolean' }),
  time: (name: string) => lite.integer(name, { mode: 'timestamp_ms' }),
  json: (name: string) => lite.text(name, { mode: 'json' }),
  serial: (name: string) => lite.integer(name).primaryKey({ autoIncrement: true }),
  index: lite.index,
  uniqueIndex: lite.uniqueIndex,
  check: lite.check,
  primaryKey: lite.primaryKey,
  // SQLite uses a partial index only when the query repeats its condition word for word
  isTrue: (column: string): SQL => sql.raw(`${column} = 1`),
}

/**
 * The SQLite builders under the PostgreSQL kit's types. The cast is the one place the two
 * engines' types meet: every builder here yields the same row type as its PostgreSQL twin,
 * which definition.test.ts checks column by column on the built tables.
 */
export const sqliteSchemaKit = sqliteKit as unknown as SchemaKit
