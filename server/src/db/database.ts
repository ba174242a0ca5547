import type { Column, SQL } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT, PgSelect, PgTable } from 'drizzle-orm/pg-core'
import type { Tables } from './schema/definition'

export type Engine = 'sqlite' | 'postgres'

/**
 * A query handle: the database outside a transaction, or a transaction. Typed with drizzle's
 * PostgreSQL builders, whose awaited queries both engines run; services await every query and
 * never use an engine's own calls (better-sqlite3's `.all()`/`.get()`/`.run()` do not exist here).
 */
export type Q = PgDatabase<PgQueryResultHKT>

/** a query drizzle can prepare: a select, with placeholders */
export interface Preparable<R> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R> }
}

/**
 * The one data-access interface services see. Which engine is underneath is configuration
 * (DATABASE_URL); what differs between them is written here, under server/src/db, and nowhere else.
 */
export interface Database {
  readonly engine: Engine
  readonly tables: Tables
  /**
   * Whether writes arriving together should share one transaction (lib/group-commit.ts): on
   * SQLite one commit, one fsync, acknowledges a whole batch. PostgreSQL already shares a WAL
   * flush among concurrent commits, and a batch holding many rows' locks to its end would make
   * two nodes' batches wait on each other, so there each write commits on its own.
   */
  readonly batchesWrites: boolean
  /** statements outside any transaction, each committed on its own */
  readonly q: Q
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Inside, use only `tx` (a statement on `q` would wait for this very transaction on SQLite).
   * `tx.transaction()` nests as a savepoint.
   */
  transaction<T>(work: (tx: Q) => Promise<T>): Promise<T>
  /** several reads that must see one moment of the database (a case and its timeline) */
  snapshot<T>(work: (q: Q) => Promise<T>): Promise<T>
  /**
   * Within a transaction, waits until no other transaction holds the same key, and holds it to the
   * end: two API nodes handling the same retry (an idempotency key) take turns. SQLite runs one
   * transaction at a time anyway.
   */
  lockKey(tx: Q, key: string): Promise<void>
  /**
   * Inserts rows on `q` for the hot write paths (a submission writes a case, its assignments,
   * timeline entries, a notice and an idempotency record; a signature its row) and answers them
   * as written, defaults filled in. SQLite runs a statement prepared once per table, where the
   * query builder would build and prepare the SQL on every call; PostgreSQL one ordinary insert.
   */
  insertRows<T extends PgTable>(q: Q, table: T, rows: readonly T['$inferInsert'][]): Promise<T['$inferSelect'][]>
  /**
   * A hot read, built once under `name` with `sql.placeholder('…')` where its values go, run on
   * handle `q` (the database or a transaction) with `values`. SQLite builds the statement and
   * drizzle's mapping of its rows once for the process, where the query builder would build the
   * SQL again on every call (a third of a case detail's CPU); PostgreSQL builds it on `q` and sends
   * it as a named statement, which each connection parses and plans once.
   * Placeholder values go to the driver as given: pass ids and numbers, not Dates.
   */
  prepared<R>(name: string, build: (q: Q) => Preparable<R>): (q: Q, values?: Record<string, unknown>) => Promise<R>
  /** a queue's claim: rows another node has locked are skipped, not waited for */
  skipLocked<T extends PgSelect>(select: T): T
  /** the condition that a boolean column is true, as the engine's partial indexes are written */
  isTrue(column: Column): SQL
  /**
   * Changes whenever another connection has committed since the last call returned the same
   * value; null where the engine cannot tell cheaply, and the caller must then read again.
   */
  changeMarker(): Promise<unknown>
  ping(): Promise<void>
  close(): Promise<void>
}
