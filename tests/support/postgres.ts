// A real PostgreSQL for the tests: one server, a fresh database per caller.
// XINFANG_TEST_PG_URL (an admin URL) points at a server already running instead.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startPostgresServer } from '../../scripts/lib/postgres-server'

export interface TestPostgres {
  url: string
  adminUrl: string
  createDatabase(name?: string): Promise<string>
  dropDatabase(name: string): Promise<void>
  stop(): Promise<void>
}

export interface StartPostgresOptions {
  settings?: Record<string, string>
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function admin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

export function databaseHandle(adminUrl: string, stop: () => Promise<void>): TestPostgres {
  return {
    adminUrl,
    url: adminUrl,
    async createDatabase(name = `t_${randomBytes(6).toString('hex')}`) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name: ${name}`)
      await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`))
      return databaseUrl(adminUrl, name)
    },
    async dropDatabase(name) {
      await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
    },
    stop,
  }
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
  const given = process.env.XINFANG_TEST_PG_URL
  if (given) return databaseHandle(given, async () => undefined)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-pg-'))
  // mkdtemp makes it 0700 root; the postgres user needs to enter it.
  fs.chmodSync(dataDir, 0o755)
  const server = await startPostgresServer({ dataDir, settings: options.settings })
  return databaseHandle(server.adminUrl, () => server.stop())
}
