import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { and, count, countDistinct, eq, inArray, isNull, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMocks, type RunningMocks } from '@xinfang/mocks/start-mocks'
import type { Database } from '@xinfang/server/db/database'
import { createDatabase, dropDatabase } from '@xinfang/server/db/pg-admin'
import { openPostgres } from '@xinfang/server/db/pg-engine'
import { createPiiCipher } from '@xinfang/server/lib/pii'
import { residentToken } from '../bench/tokens'
import { startServerProcess, type ServerProcess } from '../support/server-process'
import { stackEnv } from '../support/stack'

/**
 * Two API processes on one PostgreSQL, as `DATABASE_URL=… npm run serve` starts them behind a
 * load balancer: a 20,000-signer storm split across both loses and doubles nothing, the same
 * person signing on both at once counts once, a session started on one node is refreshed on
 * the other, and the escalation job both nodes run on their timers fires once per case.
 */
const SIGNERS = Number(process.env.TWO_NODE_SIGNERS ?? 20_000)
/** residents who tap 签名 on both nodes at the same moment */
const DOUBLE_TAPPERS = 200
const OVERDUE_CASES = 30

let mocks: RunningMocks
let dataDir: string
let drop: () => Promise<void>
let env: Record<string, string>
let nodes: ServerProcess[] = []
let db: Database

beforeAll(async () => {
  const adminUrl = process.env.XINFANG_TEST_PG_URL!
  const url = await createDatabase(adminUrl)
  drop = () => dropDatabase(adminUrl, url)
  mocks = await startMocks()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-two-nodes-'))
  // the escalation timer on, on both nodes: every 100 ms each one looks for late cases
  env = { ...stackEnv(mocks, dataDir), DATABASE_URL: url, ESCALATION_INTERVAL_MS: '100', LOG_LEVEL: 'warn', RATE_LIMIT_PUBLIC_MAX: '100000000' }
  nodes = await Promise.all([startServerProcess(env, 60_000), startServerProcess(env, 60_000)])
  db = await openPostgres({ url, poolSize: 2, migrate: false })
}, 120_000)

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.stop()))
  await db?.close()
  await mocks?.close()
  await drop?.()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** `n` real-name residents, written straight into the database; their access tokens signed as the API signs them. */
async function verifiedResidents(prefix: string, n: number): Promise<string[]> {
  const pii = createPiiCipher(Buffer.from(env.PII_KEY!, 'base64'), env.PII_HASH_KEY!)
  const ids = Array.from({ length: n }, (_, i) => `r_${prefix}${String(i).padStart(6, '0')}`)
  const now = new Date()
  for (let start = 0; start < n; start += 1_000) {
    await db.q.insert(db.tables.residents).values(
      ids.slice(start, start + 1_000).map((id) => ({ id, platform: 'cityapp' as const, platformUid: `two-nodes-${id}`, verified: true, idNumberHash: pii.hash(`id:${id}`), createdAt: now, lastLoginAt: now })),
    )
  }
  return ids.map((id) => residentToken(env.JWT_SECRET!, id))
}

const post = (node: ServerProcess, route: string, token: string, body?: unknown) =>
  fetch(`${node.url}${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined })

/** autocannon against one node, each request a different signer, counting the answers by status */
function storm(node: ServerProcess, route: string, tokens: string[], statuses: Map<number, number>) {
  let next = 0
  return autocannon({
    url: node.url,
    connections: 50,
    amount: tokens.length,
    requests: [{ setupRequest: (req) => ({ ...req, method: 'POST', path: route, headers: { authorization: `Bearer ${tokens[next++]}` } }) }],
    setupClient: (client) => client.on('response', (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)),
  } as autocannon.Options)
}

describe('two API nodes on one PostgreSQL', () => {
  it(`take a ${SIGNERS}-signer storm split across both with no signature lost or doubled`, async () => {
    const [representative] = await verifiedResidents('rep', 1)
    const signers = await verifiedResidents('signer', SIGNERS)
    const created = await post(nodes[0]!, '/api/v1/cosign', representative!, { content: '小区旁工地夜间施工噪音扰民，持续两个月，居民无法休息。', category: 'pollution', region: 'jinshui', street: 'jinshui.huayuanlu' })
    expect(created.status).toBe(201)
    const { token } = (await created.json()) as { token: string }
    const route = `/api/v1/cosign/${token}/sign`

    const statuses = new Map<number, number>()
    const t0 = Date.now()
    const half = Math.ceil(signers.length / 2)
    await Promise.all([storm(nodes[0]!, route, signers.slice(0, half), statuses), storm(nodes[1]!, route, signers.slice(half), statuses)])
    console.log(`two nodes: ${SIGNERS} signatures in ${Date.now() - t0} ms, ${Object.fromEntries(statuses)[201]} answered 201`)
    expect(Object.fromEntries(statuses)).toEqual({ 201: SIGNERS })

    // the page either node shows, the rows, and the answers agree
    const { cosignSignatures: s } = db.tables
    const [held] = await db.q.select({ n: count(), people: countDistinct(s.identityHash) }).from(s).where(isNull(s.withdrawnAt))
    expect(held).toEqual({ n: SIGNERS + 1, people: SIGNERS + 1 })
    for (const node of nodes) expect(((await (await fetch(`${node.url}/api/v1/cosign/${token}`)).json()) as { count: number }).count).toBe(SIGNERS + 1)
  }, 300_000)

  it('count a resident who taps 签名 on both nodes at the same moment once, telling the second tap so', async () => {
    const [representative] = await verifiedResidents('rep2', 1)
    const created = await post(nodes[1]!, '/api/v1/cosign', representative!, { content: '老旧小区加装电梯，邻居意见不一，希望街道出面协调。', category: 'housing_delivery', region: 'jinshui', street: 'jinshui.huayuanlu' })
    const { token } = (await created.json()) as { token: string }
    const tappers = await verifiedResidents('tap', DOUBLE_TAPPERS)
    const answers = await Promise.all(tappers.map(async (t) => (await Promise.all(nodes.map((node) => post(node, `/api/v1/cosign/${token}/sign`, t)))).map((r) => r.status).sort()))
    expect(answers.every((pair) => pair[0] === 201 && pair[1] === 409)).toBe(true)
    expect(((await (await fetch(`${nodes[0]!.url}/api/v1/cosign/${token}`)).json()) as { count: number }).count).toBe(DOUBLE_TAPPERS + 1)
  }, 120_000)

  it('share sessions: a refresh token from one node is rotated on the other, and the old one is then refused on both', async () => {
    const login = await fetch(`${nodes[0]!.url}/api/v1/auth/staff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'jinshui.office', password: env.DEMO_PASSWORD }) })
    expect(login.status).toBe(200)
    const { refreshToken } = (await login.json()) as { refreshToken: string }
    const refresh = (node: ServerProcess, t: string) => fetch(`${node.url}/api/v1/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: t }) })
    const rotated = await refresh(nodes[1]!, refreshToken)
    expect(rotated.status).toBe(200)
    expect((await refresh(nodes[0]!, refreshToken)).status).toBe(401)
  })

  it('fire the escalation job once per late case although both nodes run it every 100 ms', async () => {
    const residents = await verifiedResidents('late', OVERDUE_CASES)
    const ids: string[] = []
    for (const [i, t] of residents.entries()) {
      const created = await post(nodes[i % 2]!, '/api/v1/cases', t, { content: `小区东门的路灯坏了一个多月，晚上出行很不安全（第${i}件）。`, category: 'city_management', region: 'jinshui', street: 'jinshui.huayuanlu' })
      expect(created.status).toBe(201)
      ids.push(((await created.json()) as { id: string }).id)
    }
    // their first clock ran out yesterday: both nodes' timers find them at once
    const { cases, escalations, caseEvents, notifications } = db.tables
    await db.q.update(cases).set({ dueAt: sql`now() - interval '1 day'` }).where(inArray(cases.id, ids))
    const escalated = async () => (await db.q.select({ n: count() }).from(escalations).where(and(inArray(escalations.caseId, ids), eq(escalations.kind, 'escalation'))))[0]!.n
    const deadline = Date.now() + 30_000
    while ((await escalated()) < OVERDUE_CASES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    // and a few more rounds of both timers, which must find nothing left to do
    await new Promise((r) => setTimeout(r, 1_000))
    expect(await escalated()).toBe(OVERDUE_CASES)
    // one timeline entry and one notice per case: as many rows as cases, each case among them
    const caseIdsOf = (rows: { caseId: string }[]) => rows.map((r) => r.caseId).sort()
    const everyCaseOnce = [...ids].sort()
    expect(caseIdsOf(await db.q.select({ caseId: caseEvents.caseId }).from(caseEvents).where(and(inArray(caseEvents.caseId, ids), eq(caseEvents.action, 'escalated'))))).toEqual(everyCaseOnce)
    expect(caseIdsOf(await db.q.select({ caseId: notifications.caseId }).from(notifications).where(and(inArray(notifications.caseId, ids), eq(notifications.event, 'escalated'))))).toEqual(everyCaseOnce)
  }, 120_000)
})
