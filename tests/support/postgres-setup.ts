// Vitest global setup: starts one PostgreSQL for the run only when a PostgreSQL test file is in
// it, so `npx vitest run tests/api/x.test.ts` on SQLite pays nothing. Tests read the admin URL
// from XINFANG_TEST_PG_URL (set here, inherited by the forked workers), and startPostgres()
// then makes databases on this server instead of starting its own.
import type { TestProject } from 'vitest/node'
import { startPostgres } from './postgres'

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.XINFANG_TEST_PG_URL) return undefined
  // The CLI's file filters (Vitest keeps them as filenamePattern, not in its public types), so a
  // run of one SQLite file does not see the PostgreSQL files. If a Vitest upgrade drops the
  // field we only lose the shortcut: PostgreSQL then starts on every run.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern
  const files = await project.globTestFiles(filters)
  const wantsPg = (project.name === 'postgres' && files.testFiles.length > 0) || files.testFiles.some((f) => /postgres|\.pg\.test\.ts$/.test(f))
  if (!wantsPg && process.env.XINFANG_TEST_ENGINES !== 'both') return undefined
  const server = await startPostgres()
  console.log(`[postgres-setup] PostgreSQL for this run at ${server.adminUrl}`)
  process.env.XINFANG_TEST_PG_URL = server.adminUrl
  return () => server.stop()
}
