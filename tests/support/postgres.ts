// A real PostgreSQL for the tests: one server, a fresh database per caller.
// XINFANG_TEST_PG_URL (an admin URL) points at a server already running instead.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createDatabase, databaseUrl, dropDatabase } from '@xinfang/server/db/pg-admin'
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

export function databaseHandle(adminUrl: string, stop: () => Promise<void>): TestPostgres {
  return {
    adminUrl,
    url: adminUrl,
    createDatabase: (name) => createDatabase(adminUrl, name),
    dropDatabase: (name) => dropDatabase(adminUrl, databaseUrl(adminUrl, name)),
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
