import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import BetterSqlite3 from 'better-sqlite3'
import { getTableColumns, getTableName, sql, type Column } from 'drizzle-orm'
import { drizzle as betterSqliteDrizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { PgSelect, PgTable } from 'drizzle-orm/pg-core'
import { drizzle as proxyDrizzle } from 'drizzle-orm/sqlite-proxy'
import type { Database, Preparable, Q } from './database'
import { tables } from './schema/sqlite'
import { createGate } from './sqlite-gate'

export const SQLITE_MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle/sqlite')

export interface SqliteOptions {
  file: string
  synchronous: 'FULL' | 'NORMAL'
  /** the page cache, in MB; SQLite's own default is 2 */
  cacheMb?: number
}

export interface SqliteDatabase extends Database {
  readonly engine: 'sqlite'
  /** the connection itself, for what only SQLite has: online backup, checkpoints, pragmas */
  readonly connection: BetterSqlite3.Database
}

/** the database is the SQLite engine, whose connection offers what only SQLite has */
export const isSqlite = (db: Database): db is SqliteDatabase => db.engine === 'sqlite'

type Method = 'run' | 'all' | 'values' | 'get'

/** drizzle builds a few hundred distinct statements; a bound keeps odd ones (long IN lists) from piling up */
const STATEMENT_CACHE = 1_000

/**
 * Opens the SQLite file in WAL mode and brings its schema up to date. With WAL, FULL syncs every
 * commit to disk, so an answered write survives even a power cut; NORMAL survives a process
 * crash only. The page cache holds the indexes' upper levels and recent rows: with SQLite's
 * default 2 MB, a case detail on 100,000 cases read about four pages from the operating system.
 *
 * better-sqlite3 is synchronous; drizzle's proxy driver gives the same connection the awaited
 * interface PostgreSQL has, and the gate (sqlite-gate.ts) keeps transactions apart.
 */
export function openSqlite({ file, synchronous, cacheMb = 64 }: SqliteOptions): SqliteDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const connection = new BetterSqlite3(file)
  connection.pragma('journal_mode = WAL')
  connection.pragma(`synchronous = ${synchronous}`)
  connection.pragma('foreign_keys = ON')
  connection.pragma('busy_timeout = 5000')
  connection.pragma(`cache_size = -${Math.round(cacheMb * 1024)}`)
  migrate(betterSqliteDrizzle(connection), { migrationsFolder: SQLITE_MIGRATIONS })

  const statements = new Map<string, BetterSqlite3.Statement>()
  const statementFor = (text: string) => {
    let statement = statements.get(text)
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!)
      statement = connection.prepare(text)
      statements.set(text, statement)
    }
    return statement
  }
  // 'get' answers one row's values, the others a list of rows: what drizzle's proxy driver expects
  const execute = (text: string, params: unknown[], method: Method): { rows: any[] } => {
    const statement = statementFor(text)
    if (method === 'run' || !statement.reader) {
      statement.run(params)
      return { rows: [] }
    }
    statement.raw(true)
    return { rows: (method === 'get' ? statement.get(params) : statement.all(params)) as any[] }
  }

  // one insert statement per table, every column bound: values mapped as drizzle maps them, a missing one takes the column's default
  const inserts = new Map<PgTable, (row: Record<string, unknown>) => Record<string, unknown>>()
  const insertFor = (table: PgTable) => {
    let insert = inserts.get(table)
    if (!insert) {
      const columns = Object.entries(getTableColumns(table))
      const statement = connection.prepare(`insert into "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`)
      const autoIncrement = columns.find(([, c]) => c.primary && c.columnType === 'SQLiteInteger')?.[0]
      insert = (input) => {
        const stored: Record<string, unknown> = {}
        const values = columns.map(([key, column]) => {
          const value = input[key] !== undefined ? input[key] : column.hasDefault && column.default !== undefined ? column.default : null
          stored[key] = value
          return value === null ? null : column.mapToDriverValue(value)
        })
        const result = statement.run(values)
        if (autoIncrement && stored[autoIncrement] === null) stored[autoIncrement] = Number(result.lastInsertRowid)
        return stored
      }
      inserts.set(table, insert)
    }
    return insert
  }

  const gate = createGate()
  // outside a transaction: at once when the connection is free, else after the transaction holding it
  const root = proxyDrizzle(async (text, params, method) => (gate.held ? gate.hold(() => execute(text, params, method)) : execute(text, params, method)))
  // inside one: the gate is already held by the caller
  const inside = proxyDrizzle(async (text, params, method) => execute(text, params, method))
  const hold = <T>(behavior: 'immediate' | 'deferred', work: (tx: Q) => Promise<T>) =>
    gate.hold(() => inside.transaction((tx) => work(tx as unknown as Q), { behavior }))
  /** runs `work` for handle `q`: a transaction's handle holds the connection already; the database's own waits its turn */
  const onHandle = <T>(q: Q, work: () => T | Promise<T>): T | Promise<T> => (q === (root as unknown as Q) && gate.held ? gate.hold(work) : work())
  // drizzle's prepared queries, built on the ungated handle and run through onHandle
  const preparedReads = new Map<string, (q: Q, values?: Record<string, unknown>) => Promise<unknown>>()
  const dataVersion = connection.prepare('pragma data_version').pluck()
  const ping = connection.prepare('select 1')

  return {
    engine: 'sqlite',
    tables,
    batchesWrites: true,
    connection,
    q: root as unknown as Q,
    transaction: (work) => hold('immediate', work),
    snapshot: (work) => hold('deferred', work),
    lockKey: async () => {},
    insertRows: async <T extends PgTable>(q: Q, table: T, rows: readonly T['$inferInsert'][]) => {
      return onHandle(q, () => rows.map((row) => insertFor(table)(row as Record<string, unknown>) as T['$inferSelect']))
    },
    prepared: <R>(name: string, build: (q: Q) => Preparable<R>) => {
      let run = preparedReads.get(name)
      if (!run) {
        const query = build(inside as unknown as Q).prepare(name)
        run = async (q, values) => onHandle(q, () => query.execute(values))
        preparedReads.set(name, run)
      }
      return run as (q: Q, values?: Record<string, unknown>) => Promise<R>
    },
    skipLocked: <T extends PgSelect>(select: T) => select,
    // the literal lets SQLite use a partial index written `column = 1`
    isTrue: (column: Column) => sql`${column} = 1`,
    // a read of the connection's own counter: safe at any moment, inside a transaction or not
    changeMarker: async () => dataVersion.get(),
    ping: async () => {
      ping.get()
    },
    close: async () => {
      await gate.hold(() => connection.close())
    },
  }
}
