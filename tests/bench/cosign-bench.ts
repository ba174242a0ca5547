import { spawn } from 'node:child_process'
import os from 'node:os'
import { countDistinct, count, isNull } from 'drizzle-orm'
import { openDatabase } from '@xinfang/server/db/open-database'
import { createPiiCipher } from '@xinfang/server/lib/pii'
import { BENCH_ENGINES, load, printTable, startBenchServer, steadyLoad, stopBenchPostgres, type BenchEngine, type BenchServer, type Row } from './bench-kit'

/**
 * `npm run bench:cosign`: a signature storm. SIGNERS distinct real-name residents sign one joint
 * complaint over CONNECTIONS connections against the API as its own process, on each engine of
 * BENCH_ENGINES in turn (SQLite with synchronous=FULL, PostgreSQL with synchronous_commit=on:
 * every answered signature is on disk), beside a bare Fastify route in the same run. Then the
 * books are checked: the count equals the successful answers, with no identity twice and nothing lost.
 */
const SIGNERS = Number(process.env.BENCH_SIGNERS ?? 20_000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100)

const openBenchDatabase = (bench: BenchServer) => openDatabase({ file: bench.databaseFile, url: bench.databaseUrl, synchronous: 'NORMAL' })

/** SIGNERS + 1 verified residents (the first is the representative), written straight into the database. */
async function verifiedResidents(bench: BenchServer): Promise<string[]> {
  const pii = createPiiCipher(Buffer.from(bench.env.PII_KEY!, 'base64'), bench.env.PII_HASH_KEY!)
  const db = await openBenchDatabase(bench)
  const ids = Array.from({ length: SIGNERS + 1 }, (_, i) => `r_signer${String(i).padStart(7, '0')}`)
  const now = new Date()
  await db.transaction(async (tx) => {
    for (let start = 0; start < ids.length; start += 1_000) {
      const rows = ids.slice(start, start + 1_000).map((id, j) => ({ id, platform: 'cityapp' as const, platformUid: `bench-signer-${start + j}`, verified: true, idNumberHash: pii.hash(`41010519800101${String(start + j).padStart(4, '0')}`), createdAt: now, lastLoginAt: now }))
      await tx.insert(db.tables.residents).values(rows)
    }
  })
  await db.close()
  return ids
}

/** The books: signatures held (not withdrawn) and the distinct identities among them. */
async function heldSignatures(bench: BenchServer): Promise<{ n: number; people: number }> {
  const db = await openBenchDatabase(bench)
  const { cosignSignatures: s } = db.tables
  const [held] = await db.q.select({ n: count(), people: countDistinct(s.identityHash) }).from(s).where(isNull(s.withdrawnAt))
  await db.close()
  return held!
}

async function storm(engine: BenchEngine, ceiling: Row): Promise<{ rows: Row[]; consistent: boolean }> {
  const bench = await startBenchServer(1_000, { engine, synchronous: 'FULL' })
  try {
    const residents = await verifiedResidents(bench)
    const tokens = residents.map((id) => bench.tokenFor(id))
    const created = await fetch(`${bench.server.url}/api/v1/cosign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
      body: JSON.stringify({ content: '压测联名：小区旁工地夜间施工噪音扰民，居民无法休息。', category: 'pollution', region: 'jinshui', street: 'jinshui.huayuanlu' }),
    })
    const campaign = (await created.json()) as { token: string }
    if (created.status !== 201) throw new Error(`creating the campaign: ${created.status} ${JSON.stringify(campaign)}`)

    let next = 1
    const statuses = new Map<number, number>()
    // our own stack with no work behind it (request ids, security headers, rate limits): the floor under every route
    const floor = await steadyLoad(`[${engine}] API GET /healthz (our plugins, no work)`, { url: `${bench.server.url}/healthz`, connections: CONNECTIONS, duration: 5 })
    const signing = await load(`[${engine}] ${SIGNERS} signatures POST /cosign/:token/sign`, {
      url: bench.server.url,
      connections: CONNECTIONS,
      amount: SIGNERS,
      requests: [{ setupRequest: (req: any) => ({ ...req, method: 'POST', path: `/api/v1/cosign/${campaign.token}/sign`, headers: { authorization: `Bearer ${tokens[next++]}` } }) }],
      setupClient: (client: any) => client.on('response', (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)),
    } as any)

    // the books: what the page says, what the table holds, what the clients were told
    const page = (await (await fetch(`${bench.server.url}/api/v1/cosign/${campaign.token}`)).json()) as { count: number }
    const held = await heldSignatures(bench)
    const ok = statuses.get(201) ?? 0
    console.log(`\n[${engine}] answers: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`)
    console.log(`[${engine}] count on the page ${page.count}; rows ${held.n}, distinct identities ${held.people}; 201 answers + the representative = ${ok + 1}`)
    const consistent = page.count === ok + 1 && held.n === page.count && held.people === held.n
    console.log(consistent ? `[${engine}] consistent: nothing lost, nobody twice` : `[${engine}] INCONSISTENT`)
    console.log(`[${engine}] signatures per second ${signing.rps.toFixed(0)} = ${((signing.rps / ceiling.rps) * 100).toFixed(0)}% of the bare route; aim 30%`)
    console.log(`[${engine}] server RSS after the run: ${bench.rssMb()} MB`)
    return { rows: [floor, signing], consistent }
  } finally {
    await bench.close()
  }
}

const bare = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/bare-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] })
const bareUrl = await new Promise<string>((resolve) => bare.stdout.on('data', (d) => resolve(/http:\/\/[\d.:]+/.exec(String(d))![0])))
try {
  const ceiling = await steadyLoad('bare Fastify route (ceiling)', { url: `${bareUrl}/fixed`, connections: CONNECTIONS, duration: 5 })
  const rows: Row[] = [ceiling]
  for (const engine of BENCH_ENGINES) {
    const result = await storm(engine, ceiling)
    rows.push(...result.rows)
    if (!result.consistent) process.exitCode = 1
  }
  printTable(`signature storm: ${SIGNERS} distinct verified residents, ${CONNECTIONS} connections, every commit synced, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`, rows, ceiling.rps)
} finally {
  bare.kill('SIGTERM')
  await stopBenchPostgres()
}
