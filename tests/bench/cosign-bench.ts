import { spawn } from 'node:child_process'
import os from 'node:os'
import Database from 'better-sqlite3'
import { createPiiCipher } from '@xinfang/server/lib/pii'
import { load, printTable, startBenchServer, steadyLoad, type Row } from './bench-kit'

/**
 * `npm run bench:cosign`: a signature storm. SIGNERS distinct real-name residents sign one joint
 * complaint over CONNECTIONS connections against the API as its own process on SQLite with
 * synchronous=FULL (the production setting: every answered signature is on disk), beside a bare
 * Fastify route in the same run. Then the books are checked: the count equals the successful
 * answers, with no identity twice and nothing lost.
 */
const SIGNERS = Number(process.env.BENCH_SIGNERS ?? 20_000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100)

const bench = await startBenchServer(1_000, { synchronous: 'FULL' })
const bare = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/bare-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] })
const bareUrl = await new Promise<string>((resolve) => bare.stdout.on('data', (d) => resolve(/http:\/\/[\d.:]+/.exec(String(d))![0])))

/** SIGNERS + 1 verified residents (the first is the representative), written straight into the file. */
function verifiedResidents(): string[] {
  const pii = createPiiCipher(Buffer.from(bench.env.PII_KEY!, 'base64'), bench.env.PII_HASH_KEY!)
  const sqlite = new Database(bench.databaseFile)
  const insert = sqlite.prepare('insert into residents (id, platform, platform_uid, verified, id_number_hash, created_at, last_login_at) values (?, ?, ?, 1, ?, ?, ?)')
  const ids = Array.from({ length: SIGNERS + 1 }, (_, i) => `r_signer${String(i).padStart(7, '0')}`)
  sqlite.transaction(() => ids.forEach((id, i) => insert.run(id, 'cityapp', `bench-signer-${i}`, pii.hash(`41010519800101${String(i).padStart(4, '0')}`), Date.now(), Date.now())))()
  sqlite.close()
  return ids
}

try {
  const residents = verifiedResidents()
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
  const rows: Row[] = []
  const steady = (name: string, url: string) => steadyLoad(name, { url, connections: CONNECTIONS, duration: 5 })
  rows.push(await steady('bare Fastify route (ceiling)', `${bareUrl}/fixed`))
  // our own stack with no work behind it (request ids, security headers, rate limits): the floor under every route
  rows.push(await steady('API GET /healthz (our plugins, no work)', `${bench.server.url}/healthz`))
  const storm = await load(`${SIGNERS} signatures POST /cosign/:token/sign`, {
    url: bench.server.url,
    connections: CONNECTIONS,
    amount: SIGNERS,
    requests: [{ setupRequest: (req: any) => ({ ...req, method: 'POST', path: `/api/v1/cosign/${campaign.token}/sign`, headers: { authorization: `Bearer ${tokens[next++]}` } }) }],
    setupClient: (client: any) => client.on('response', (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)),
  } as any)
  rows.push(storm)
  printTable(`signature storm: ${SIGNERS} distinct verified residents, ${CONNECTIONS} connections, SQLite synchronous=FULL, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`, rows, rows[0]!.rps)

  // the books: what the page says, what the table holds, what the clients were told
  const page = (await (await fetch(`${bench.server.url}/api/v1/cosign/${campaign.token}`)).json()) as { count: number }
  const sqlite = new Database(bench.databaseFile, { readonly: true })
  const held = sqlite.prepare('select count(*) as n, count(distinct identity_hash) as people from cosign_signatures where withdrawn_at is null').get() as { n: number; people: number }
  sqlite.close()
  const ok = statuses.get(201) ?? 0
  console.log(`\nanswers: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`)
  console.log(`count on the page ${page.count}; rows ${held.n}, distinct identities ${held.people}; 201 answers + the representative = ${ok + 1}`)
  const consistent = page.count === ok + 1 && held.n === page.count && held.people === held.n
  console.log(consistent ? 'consistent: nothing lost, nobody twice' : 'INCONSISTENT')
  console.log(`signatures per second ${storm.rps.toFixed(0)} = ${((storm.rps / rows[0]!.rps) * 100).toFixed(0)}% of the bare route; aim 30%`)
  console.log(`server RSS after the run: ${bench.rssMb()} MB`)
  if (!consistent) process.exitCode = 1
} finally {
  bare.kill('SIGTERM')
  await bench.close()
}
