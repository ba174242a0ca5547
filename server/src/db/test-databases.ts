import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach } from 'vitest'
import type { Database, Engine } from './database'
import { createDatabase, dropDatabase, withPgClient } from './pg-admin'
import { openPostgres } from './pg-engine'
import { openSqlite, type SqliteOptions } from './sqlite-engine'

/**
 * The engines unit tests run on: SQLite always; PostgreSQL when the run has a server
 * (tests/support/postgres-setup.ts starts one and names it in XINFANG_TEST_PG_URL).
 */
export const TEST_ENGINES: readonly Engine[] = process.env.XINFANG_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite']

export interface TestDatabase {
  db: Database
  /** runs SQL on a connection of its own, as the office editing a table directly (or another node) would */
  elsewhere(statement: string, params?: unknown[]): Promise<void>
  /** the same database opened again, as a second API node opens it */
  another(): Promise<Database>
}

/**
 * For unit tests: `open(engine)` gives a migrated database of its own, a real SQLite file in a
 * fresh folder (not :memory:, so WAL, locks and checkpoints are real) or a fresh database on the
 * run's PostgreSQL server, removed after each test; `open.sqliteFile(options)` the SQLite file
 * itself, for what only SQLite has. SQL parameters in `elsewhere` are written `?` for either engine.
 */
export function testDatabases() {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {})
  })

  function sqliteFile(options: Partial<Omit<SqliteOptions, 'file'>> = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-unit-'))
    const file = path.join(dir, 'test.db')
    const db = openSqlite({ file, synchronous: 'NORMAL', ...options })
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }), () => db.close())
    return Object.assign(db, { file })
  }

  async function onPostgres(): Promise<TestDatabase> {
    const adminUrl = process.env.XINFANG_TEST_PG_URL
    if (!adminUrl) throw new Error('no PostgreSQL for this run: XINFANG_TEST_PG_URL is not set (tests/support/postgres-setup.ts)')
    const url = await createDatabase(adminUrl)
    const opened = async () => {
      const db = await openPostgres({ url, poolSize: 4 })
      cleanups.push(() => db.close())
      return db
    }
    cleanups.push(() => dropDatabase(adminUrl, url))
    const elsewhere = async (statement: string, params: unknown[] = []) => {
      let n = 0
      await withPgClient(url, (c) => c.query(statement.replace(/\?/g, () => `$${++n}`), params))
    }
    return { db: await opened(), elsewhere, another: opened }
  }

  async function open(engine: Engine): Promise<TestDatabase> {
    if (engine === 'postgres') return onPostgres()
    const db = sqliteFile()
    const elsewhere = async (statement: string, params: unknown[] = []) => {
      const other = new BetterSqlite3(db.file)
      other.prepare(statement).run(...params)
      other.close()
    }
    const another = async () => {
      const second = openSqlite({ file: db.file, synchronous: 'NORMAL' })
      cleanups.push(() => second.close())
      return second
    }
    return { db, elsewhere, another }
  }
  return Object.assign(open, { sqliteFile })
}
