import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startMocks, type RunningMocks } from '@xinfang/mocks/start-mocks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../support/client'
import { loginResident } from '../support/actors'
import { startServerProcess } from '../support/server-process'
import { engineEnv, stackEnv } from '../support/stack'

let mocks: RunningMocks
let dataDir: string
// SQLite's file, or a PostgreSQL database (the postgres project runs this file too)
let database: Awaited<ReturnType<typeof engineEnv>>
beforeAll(async () => {
  mocks = await startMocks()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-durability-'))
  database = await engineEnv()
})
afterAll(async () => {
  await mocks.close()
  await database.drop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const WRITERS = 8

describe('a crash loses no acknowledged write', () => {
  it('keeps every acknowledged case exactly once across a SIGKILL mid-load, and a retry after restart returns the same case', async () => {
    // the production default: synchronous=FULL in WAL mode
    const env = { ...stackEnv(mocks, dataDir), DB_SYNCHRONOUS: 'FULL', ...database.env }
    const first = await startServerProcess(env)
    const api = createClient(first.url)
    const resident = await loginResident(api, 'durable')

    const acknowledged = new Map<string, string>()
    const attempted: string[] = []
    let killed = false
    const body = (key: string) => ({ content: `${key}：小区路灯不亮，晚上出行不安全。`, category: 'city_management', region: 'jinshui' })
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const key = `durability-${w}-${i}`
        attempted.push(key)
        try {
          const response = await api.post('/api/v1/cases', body(key), { token: resident.token, headers: { 'idempotency-key': key } })
          if (response.status === 201) acknowledged.set(key, response.body.id)
        } catch {
          return // the connection died with the process
        }
      }
    }
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w))
    while (acknowledged.size < 120) await new Promise((r) => setTimeout(r, 5))
    killed = true
    await first.kill()
    await Promise.all(writers)

    const second = await startServerProcess(env)
    try {
      const api2 = createClient(second.url)
      const allMine = async () => {
        const items: any[] = []
        let cursor: string | null = null
        do {
          const page: any = await api2.get(`/api/v1/cases?mine=1&pageSize=50${cursor ? `&cursor=${cursor}` : ''}`, { token: resident.token })
          items.push(...page.body.items)
          cursor = page.body.nextCursor
        } while (cursor)
        return items
      }
      // the access token outlives the process: same secret, and it has not expired
      for (const [key, id] of acknowledged) {
        const detail = await api2.get(`/api/v1/cases/${id}`, { token: resident.token })
        expect(detail.status, key).toBe(200)
        expect(detail.body.content).toContain(key)
      }
      // every case the database holds came from a distinct key: none twice, none from nowhere
      const all = await allMine()
      const keysInDb = all.map((c) => /durability-\d+-\d+/.exec(c.title)?.[0])
      expect(new Set(keysInDb).size).toBe(all.length)
      expect(all.length).toBeGreaterThanOrEqual(acknowledged.size)
      expect(all.length).toBeLessThanOrEqual(attempted.length)

      // retries after the restart: acknowledged ones answer with their case; the rest land once
      for (const key of attempted) {
        const retry = await api2.post('/api/v1/cases', body(key), { token: resident.token, headers: { 'idempotency-key': key } })
        expect(retry.status).toBe(201)
        if (acknowledged.has(key)) expect(retry.body.id).toBe(acknowledged.get(key))
      }
      expect((await allMine()).length).toBe(attempted.length)
      console.log(`durability: ${acknowledged.size} acknowledged, ${all.length} on disk after SIGKILL, ${attempted.length} attempted`)
    } finally {
      await second.stop()
    }
  }, 90_000)
})
