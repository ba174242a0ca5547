import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { startMocks, type RunningMocks } from '@xinfang/mocks/start-mocks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginResident } from '../support/actors'
import { createClient } from '../support/client'
import { startServerProcess } from '../support/server-process'
import { stackEnv } from '../support/stack'

const run = promisify(execFile)
let mocks: RunningMocks
let dataDir: string
beforeAll(async () => {
  mocks = await startMocks()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-backup-'))
})
afterAll(async () => {
  await mocks.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('npm run backup', () => {
  it('takes a consistent copy while the server keeps writing, and the copy holds every case acknowledged before it', async () => {
    const server = await startServerProcess(stackEnv(mocks, dataDir))
    try {
      const api = createClient(server.url)
      const resident = await loginResident(api, 'backup')
      const before: string[] = []
      for (let i = 0; i < 30; i++) before.push((await api.post('/api/v1/cases', { content: `备份前的第${i}件诉求，内容足够长。` }, { token: resident.token })).body.id)

      let writing = true
      const during = (async () => {
        for (let i = 0; writing; i++) await api.post('/api/v1/cases', { content: `备份期间的第${i}件诉求，内容足够长。` }, { token: resident.token })
      })()
      const destination = path.join(dataDir, 'copy', 'xinfang-backup.db')
      const { stdout } = await run('npm', ['run', '-s', 'backup', '--', destination], { cwd: new URL('../..', import.meta.url).pathname, env: { ...process.env, DATA_DIR: dataDir } })
      writing = false
      await during
      expect(stdout).toContain('backed up')

      const copy = new Database(destination, { readonly: true })
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
        const ids = new Set((copy.prepare('select id from cases').all() as { id: string }[]).map((r) => r.id))
        for (const id of before) expect(ids.has(id)).toBe(true)
        const timelines = copy.prepare('select count(*) as n from case_events where case_id in (select id from cases)').get() as { n: number }
        expect(timelines.n).toBeGreaterThanOrEqual(ids.size * 2)
      } finally {
        copy.close()
      }
    } finally {
      await server.stop()
    }
  }, 60_000)
})
