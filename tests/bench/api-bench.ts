import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import type autocannon from 'autocannon'
import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import { BENCH_ENGINES, BENCH_RUNS, latencyBetween, load, pick, printSpreadTable, SampleBook, startBenchServer, steadyLoad, stopBenchPostgres, type BenchEngine, type Row } from './bench-kit'
import { PLACEMENTS, place, placementLabel, postgresPids } from './placement'

/**
 * `npm run bench:api`: the API holding BENCH_CASES generated cases under autocannon, on each
 * engine of BENCH_ENGINES in turn (SQLite, PostgreSQL), beside a bare Fastify route on the same
 * machine in the same run: requests per second, p50 and p99 for each load, and each as a ratio
 * of the bare route (the ceiling) measured in the same run and placement. BENCH_RUNS runs, each
 * measuring every load pinned (server on one core, load generator on the other) and shared
 * (BENCH_PLACEMENT); the table gives the median over the runs and the range.
 * BENCH_LOADS=detail,submit runs only those loads (the ceiling and the /healthz floor always run).
 */
const CASES = Number(process.env.BENCH_CASES ?? 100_000)
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const ONLY = process.env.BENCH_LOADS?.split(',').map((s) => s.trim())

const common = { connections: CONNECTIONS, duration: DURATION }

const bare = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/bare-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] })
const bareUrl = await new Promise<string>((resolve) => bare.stdout.on('data', (d) => resolve(/http:\/\/[\d.:]+/.exec(String(d))![0])))

async function onEngine(engine: BenchEngine, samples: SampleBook): Promise<string[]> {
  const bench = await startBenchServer(CASES, { engine })
  const url = bench.server.url
  const submitters = bench.data.residentIds.slice(0, 200).map(bench.tokenFor)
  const submission = JSON.stringify({ content: '压测提交：小区路灯坏了半个月没人修，晚上走路很危险。', category: 'city_management', region: 'jinshui', street: 'jinshui.huayuanlu' })
  const submit: autocannon.Request = { setupRequest: (req) => ({ ...req, method: 'POST', path: '/api/v1/cases', body: submission, headers: { 'content-type': 'application/json', authorization: `Bearer ${pick(submitters)}`, 'idempotency-key': randomBytes(12).toString('hex') } }) }
  /** serverTimed: also read the server's own answer times for this route around the load */
  const loads: { key: string; name: string; options: autocannon.Options; serverTimed?: { method: string; route: string } }[] = [
    { key: 'detail', name: 'progress read GET /cases/:id', options: { ...common, url, requests: [{ setupRequest: (req) => { const c = bench.ownedCase(); return { ...req, method: 'GET', path: c.path, headers: { authorization: `Bearer ${c.token}` } } } }] } },
    { key: 'tracking', name: 'public tracking GET /track/:no', options: { ...common, url, requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: `/api/v1/track/${formatTrackingNo(pick(bench.data.trackingNos))}` }) }] } },
    { key: 'mine', name: 'my cases GET /cases?mine=1', options: { ...common, url, requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: '/api/v1/cases?mine=1&pageSize=20', headers: { authorization: `Bearer ${pick(submitters)}` } }) }] } },
    { key: 'submit', name: 'submission with dispatch POST /cases', options: { ...common, url, requests: [submit] } },
    // a control for the paced run: the same pacing on a route with no work, so a tail the load generator adds shows here too
    { key: 'paced', name: 'control: GET /healthz paced at 1,000/s', options: { ...common, url: `${url}/healthz`, overallRate: 1000 } },
    { key: 'paced', name: 'submission paced at 1,000/s', options: { ...common, url, overallRate: 1000, requests: [submit] }, serverTimed: { method: 'POST', route: '/api/v1/cases' } },
  ]
  const notes: string[] = []
  try {
    for (let run = 1; run <= BENCH_RUNS; run++) {
      for (const placement of PLACEMENTS) {
        place(placement, [bare.pid!, bench.server.child.pid!, ...(engine === 'postgres' ? postgresPids() : [])])
        // the ceiling of this very run and placement: every ratio below is to it
        const ceiling = await steadyLoad('ceiling', { ...common, url: `${bareUrl}/fixed` })
        const record = (name: string, row: Row) => samples.add(name, placement, row, ceiling.rps)
        record('bare Fastify route (ceiling)', ceiling)
        // our own stack with no work behind it (request ids, security headers, token-free route): the floor under every route
        record(`[${engine}] API GET /healthz (our plugins, no work)`, await steadyLoad('healthz', { ...common, url: `${url}/healthz` }))
        for (const { key, name, options, serverTimed } of loads) {
          if (ONLY && !ONLY.includes(key)) continue
          const before = serverTimed ? await bench.serverLatency(serverTimed.method, serverTimed.route) : null
          record(`[${engine}] ${name}`, await load(name, options))
          if (serverTimed && before) {
            // the server's own clock, beside the load generator's: a stalled client inflates its p99
            const after = await bench.serverLatency(serverTimed.method, serverTimed.route)
            const seen = latencyBetween(before.buckets, after.buckets, 50)
            notes.push(
              `[${engine}] run ${run}, ${placement}: ${name}, as the server timed them: ${seen.count} answers, ${(seen.shareWithin * 100).toFixed(2)}% within 50 ms, p99 at most ${seen.p99AtMostMs} ms; ` +
                `event loop held at most ${after.loopMaxMs.toFixed(0)} ms`,
            )
          }
        }
        console.log(`[${engine}] run ${run} ${placement} done`)
      }
    }
    notes.push(`[${engine}] server RSS after the runs: ${bench.rssMb()} MB`)
    return notes
  } finally {
    await bench.close()
  }
}

try {
  const samples = new SampleBook()
  const notes: string[] = []
  for (const engine of BENCH_ENGINES) notes.push(...(await onEngine(engine, samples)))
  printSpreadTable(`${CASES} cases, ${CONNECTIONS} connections, ${DURATION} s each, ${BENCH_RUNS} runs, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z`, samples, PLACEMENTS.map((p) => [p, placementLabel(p)]))
  for (const line of notes) console.log(`\n${line}`)
} finally {
  bare.kill('SIGTERM')
  await stopBenchPostgres()
}
