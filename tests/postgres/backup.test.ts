import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMocks, type RunningMocks } from '@xinfang/mocks/start-mocks'
import { createDatabase, dropDatabase } from '@xinfang/server/db/pg-admin'
import { findPgBin } from '@xinfang/server/db/pg-tools'
import { loginResident } from '../support/actors'
import { createClient, type ApiResponse } from '../support/client'
import { startServerProcess } from '../support/server-process'
import { stackEnv } from '../support/stack'

const run = promisify(execFile)
const ROOT = new URL('../..', import.meta.url).pathname
const adminUrl = process.env.XINFANG_TEST_PG_URL!
let mocks: RunningMocks
let dataDir: string
const databases: string[] = []

beforeAll(async () => {
  mocks = await startMocks()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-pg-backup-'))
})
afterAll(async () => {
  await mocks.close()
  for (const url of databases) await dropDatabase(adminUrl, url)
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('npm run backup on PostgreSQL, and pg_restore', () => {
  it('dumps a seeded database while the server writes, and the restore serves every case acknowledged before it, timeline and all', async () => {
    const url = await createDatabase(adminUrl)
    databases.push(url)
    const env = { ...stackEnv(mocks, dataDir), DATABASE_URL: url }
    const node = await startServerProcess(env)
    const before: { id: string; trackingNo: string }[] = []
    const residentsToken: string[] = []
    try {
      const api = createClient(node.url)
      for (let r = 0; r < 3; r++) {
        const resident = await loginResident(api, `pg-backup-${r}`)
        residentsToken.push(resident.token)
        for (let i = 0; i < 10; i++) {
          const created = await api.post('/api/v1/cases', { content: `备份前的第${r}-${i}件诉求，小区路灯坏了很久。`, category: 'city_management', region: 'jinshui' }, { token: resident.token })
          expect(created.status).toBe(201)
          before.push({ id: created.body.id, trackingNo: created.body.trackingNo })
        }
      }
      let writing = true
      const during = (async () => {
        for (let i = 0; writing; i++) await api.post('/api/v1/cases', { content: `备份期间的第${i}件诉求，内容足够长。` }, { token: residentsToken[0] })
      })()
      const destination = path.join(dataDir, 'backups', 'xinfang.dump')
      const { stdout } = await run('npm', ['run', '-s', 'backup', '--', destination], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir } })
      writing = false
      await during
      expect(stdout).toMatch(/backed up PostgreSQL .*: \d+ tables/)
    } finally {
      await node.stop()
    }

    // restore into an empty database, as after the loss of the machine, and serve from it
    const restored = await createDatabase(adminUrl)
    databases.push(restored)
    await run(path.join(findPgBin(), 'pg_restore'), ['--no-owner', '--exit-on-error', '--dbname', restored, path.join(dataDir, 'backups', 'xinfang.dump')])
    const again = await startServerProcess({ ...env, DATABASE_URL: restored })
    try {
      const api = createClient(again.url)
      // the same residents sign in again (same platform identities) and find every case they had
      const mine = new Set<string>()
      for (let r = 0; r < 3; r++) {
        const resident = await loginResident(api, `pg-backup-${r}`)
        for (let cursor: string | null = null, first = true; first || cursor; first = false) {
          const page: ApiResponse = await api.get(`/api/v1/cases?mine=1&pageSize=50${cursor ? `&cursor=${cursor}` : ''}`, { token: resident.token })
          expect(page.status).toBe(200)
          for (const item of page.body.items as { id: string }[]) mine.add(item.id)
          cursor = page.body.nextCursor
        }
      }
      for (const { id } of before) expect(mine.has(id), id).toBe(true)
      // and anyone follows a case by its tracking number, its timeline intact
      const tracked = await api.get(`/api/v1/track/${before[0]!.trackingNo}`)
      expect(tracked.status).toBe(200)
      expect(tracked.body.timeline.length).toBeGreaterThanOrEqual(2)
    } finally {
      await again.stop()
    }
  }, 120_000)
})
