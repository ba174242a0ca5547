import { spawn } from 'node:child_process'
import os from 'node:os'
import { and, count, countDistinct, eq, isNull } from 'drizzle-orm'
import { openDatabase } from '@xinfang/server/db/open-database'
import { createPiiCipher } from '@xinfang/server/lib/pii'
import { BENCH_ENGINES, BENCH_RUNS, load, printSpreadTable, SampleBook, startBenchServer, steadyLoad, stopBenchPostgres, type BenchServer } from './bench-kit'
import { PLACEMENTS, place, placementLabel, postgresPids, type Placement } from './placement'

/**
 * `npm run bench:cosign`: signature storms. In each of BENCH_RUNS runs and each placement
 * (BENCH_PLACEMENT: pinned, shared), SIGNERS distinct real-name residents sign a new joint
 * complaint over CONNECTIONS connections against the API as its own process, on each engine of
 * BENCH_ENGINES in turn (SQLite with synchronous=FULL, PostgreSQL with synchronous_commit=on:
 * every answered signature is on disk), beside a bare Fastify route measured in the same run and
 * placement. After each storm the books are checked: the count equals the successful answers,
 * with no identity twice and nothing lost.
 */
const SIGNERS = Number(process.env.BENCH_SIGNERS ?? 20_000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100)

const openBenchDatabase = (bench: BenchServer) => openDatabase({ file: bench.databaseFile, url: bench.databaseUrl, synchronous: 'NORMAL' })

/** SIGNERS + 1 verified residents for storm `storm` (the first is the representative), written straight into the database. */
async function verifiedResidents(bench: BenchServer, storm: number): Promise<string[]> {
  const pii = createPiiCipher(Buffer.from(bench.env.PII_KEY!, 'base64'), bench.env.PII_HASH_KEY!)
  const db = await openBenchDatabase(bench)
  const ids = Array.from({ length: SIGNERS + 1 }, (_, i) => `r_s${storm}_${String(i).padStart(7, '0')}`)
  const now = new Date()
  await db.transaction(async (tx) => {
    for (let start = 0; start < ids.length; start += 1_000) {
      const rows = ids.slice(start, start + 1_000).map((id, j) => ({ id, platform: 'cityapp' as const, platformUid: `bench-signer-${storm}-${start + j}`, verified: true, idNumberHash: pii.hash(`4101051980${String(storm).padStart(2, '0')}${String(start + j).padStart(6, '0')}`), createdAt: now, lastLoginAt: now }))
      await tx.insert(db.tables.residents).values(rows)
    }
  })
  await db.close()
  return ids
}

/** The books of one campaign: signatures held (not withdrawn) and the distinct identities among them. */
async function heldSignatures(bench: BenchServer, campaignId: string): Promise<{ n: number; people: number }> {
  const db = await openBenchDatabase(bench)
  const { cosignSignatures: s } = db.tables
  const [held] = await db.q.select({ n: count(), people: countDistinct(s.identityHash) }).from(s).where(and(eq(s.campaignId, campaignId), isNull(s.withdrawnAt)))
  await db.close()
  return held!
}

const bare = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/bare-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] })
const bareUrl = await new Promise<string>((resolve) => bare.stdout.on('data', (d) => resolve(/http:\/\/[\d.:]+/.exec(String(d))![0])))

/** One storm on a new campaign; false when the books do not agree. */
async function storm(bench: BenchServer, number: number, placement: Placement, samples: SampleBook): Promise<boolean> {
  const engine = bench.engine
  const residents = await verifiedResidents(bench, number)
  const tokens = residents.map((id) => bench.tokenFor(id))
  const created = await fetch(`${bench.server.url}/api/v1/cosign`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
    body: JSON.stringify({ content: '压测联名：小区旁工地夜间施工噪音扰民，居民无法休息。', category: 'pollution', region: 'jinshui', street: 'jinshui.huayuanlu' }),
  })
  const campaign = (await created.json()) as { id: string; token: string }
  if (created.status !== 201) throw new Error(`creating the campaign: ${created.status} ${JSON.stringify(campaign)}`)

  place(placement, [bare.pid!, bench.server.child.pid!, ...(engine === 'postgres' ? postgresPids() : [])])
  const ceiling = await steadyLoad('ceiling', { url: `${bareUrl}/fixed`, connections: CONNECTIONS, duration: 5 })
  samples.add('bare Fastify route (ceiling)', placement, ceiling, ceiling.rps)
  // our own stack with no work behind it (request ids, security headers, rate limits): the floor under every route
  samples.add(`[${engine}] API GET /healthz (our plugins, no work)`, placement, await steadyLoad('healthz', { url: `${bench.server.url}/healthz`, connections: CONNECTIONS, duration: 5 }), ceiling.rps)
  let next = 1
  const statuses = new Map<number, number>()
  const signing = await load('signing', {
    url: bench.server.url,
    connections: CONNECTIONS,
    amount: SIGNERS,
    requests: [{ setupRequest: (req: any) => ({ ...req, method: 'POST', path: `/api/v1/cosign/${campaign.token}/sign`, headers: { authorization: `Bearer ${tokens[next++]}` } }) }],
    setupClient: (client: any) => client.on('response', (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)),
  } as any)
  samples.add(`[${engine}] ${SIGNERS} signatures POST /cosign/:token/sign`, placement, signing, ceiling.rps)

  // the books: what the page says, what the table holds, what the clients were told
  const page = (await (await fetch(`${bench.server.url}/api/v1/cosign/${campaign.token}`)).json()) as { count: number }
  const held = await heldSignatures(bench, campaign.id)
  const ok = statuses.get(201) ?? 0
  const consistent = page.count === ok + 1 && held.n === page.count && held.people === held.n
  console.log(
    `[${engine}] storm ${number} ${placement}: ${(signing.rps / ceiling.rps * 100).toFixed(0)}% of the ceiling; answers ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}; ` +
      `count on the page ${page.count}, rows ${held.n}, distinct identities ${held.people}, 201 answers + the representative = ${ok + 1}: ${consistent ? 'consistent, nothing lost, nobody twice' : 'INCONSISTENT'}`,
  )
  return consistent
}

try {
  const samples = new SampleBook()
  for (const engine of BENCH_ENGINES) {
    const bench = await startBenchServer(1_000, { engine, synchronous: 'FULL' })
    try {
      let number = 0
      for (let run = 1; run <= BENCH_RUNS; run++) {
        for (const placement of PLACEMENTS) if (!(await storm(bench, ++number, placement, samples))) process.exitCode = 1
      }
      console.log(`[${engine}] server RSS after the storms: ${bench.rssMb()} MB`)
    } finally {
      await bench.close()
    }
  }
  printSpreadTable(
    `signature storms: ${SIGNERS} distinct verified residents each, ${CONNECTIONS} connections, every commit synced, ${BENCH_RUNS} runs, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z; aim 30% pinned`,
    samples,
    PLACEMENTS.map((p) => [p, placementLabel(p)]),
  )
} finally {
  bare.kill('SIGTERM')
  await stopBenchPostgres()
}
