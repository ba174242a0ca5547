import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { afterEach } from 'vitest'
import type { Database, Engine } from './database'
import { openPostgres } from './pg-engine'
import { openSqlite } from './sqlite-engine'

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

const withPgClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

const databaseUrl = (adminUrl: string, name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString()

/**
 * For unit tests: `open(engine)` gives a migrated database of its own, a real SQLite file in a
 * fresh folder or a fresh database on the run's PostgreSQL server, removed after each test.
 * SQL parameters in `elsewhere` are written `?` for either engine.
 */
export function testDatabases() {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {})
  })
  return async function open(engine: Engine): Promise<TestDatabase> {
    if (engine === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-unit-'))
      const file = path.join(dir, 'test.db')
      const db = openSqlite({ file, synchronous: 'NORMAL' })
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }), () => db.close())
      const elsewhere = async (statement: string, params: unknown[] = []) => {
        const other = new BetterSqlite3(file)
        other.prepare(statement).run(...params)
        other.close()
      }
      const another = async () => {
        const second = openSqlite({ file, synchronous: 'NORMAL' })
        cleanups.push(() => second.close())
        return second
      }
      return { db, elsewhere, another }
    }
    const adminUrl = process.env.XINFANG_TEST_PG_URL
    if (!adminUrl) throw new Error('no PostgreSQL for this run: XINFANG_TEST_PG_URL is not set (tests/support/postgres-setup.ts)')
    const name = `u_${randomBytes(6).toString('hex')}`
    await withPgClient(adminUrl, (c) => c.query(`create database "${name}" template template0 encoding 'UTF8'`))
    const url = databaseUrl(adminUrl, name)
    const db = await openPostgres({ url, poolSize: 4 })
    cleanups.push(() => withPgClient(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined), () => db.close())
    const elsewhere = async (statement: string, params: unknown[] = []) => {
      let n = 0
      await withPgClient(url, (c) => c.query(statement.replace(/\?/g, () => `$${++n}`), params))
    }
    const another = async () => {
      const second = await openPostgres({ url, poolSize: 4 })
      cleanups.push(() => second.close())
      return second
    }
    return { db, elsewhere, another }
  }
}
