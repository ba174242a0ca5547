import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { startMocks, type RunningMocks } from '@xinfang/mocks/start-mocks'
import { startServerProcess, type ServerProcess } from '../support/server-process'
import { startPostgres, type TestPostgres } from '../support/postgres'
import { stackEnv } from '../support/stack'
import { generateCases, type GeneratedData } from './generate-cases'
import { countSpread, percentSpread } from './bench-stats'
import type { Placement } from './placement'
import { residentToken } from './tokens'

export interface Row {
  name: string
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

export async function load(name: string, options: autocannon.Options): Promise<Row> {
  const result = await autocannon(options)
  // total over elapsed time: the per-second average autocannon reports counts a part second as a whole one
  const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000
  return { name, rps: seconds > 0 ? result.requests.total / seconds : result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx }
}

/** A reference load run after a 2-second warm-up: a short cold run mostly measures the JIT. */
export async function steadyLoad(name: string, options: autocannon.Options): Promise<Row> {
  await load('warm-up', { ...options, duration: 2 })
  return load(name, options)
}

export const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!

export interface BenchServer {
  server: ServerProcess
  /** the platform mocks' base URL (their /__mocks controls among them) */
  mocksUrl: string
  /** the server's environment: its secrets, to sign tokens and hash identities as it does */
  env: Record<string, string>
  engine: BenchEngine
  databaseFile: string
  /** DATABASE_URL on PostgreSQL */
  databaseUrl: string | undefined
  data: GeneratedData
  /** a resident's access token, signed as the API signs them */
  tokenFor(residentId: string): string
  /** a case and its owner's token, for reads */
  ownedCase(): { path: string; token: string }
  rssMb(): number
  /**
   * The server's own answer-time histogram for one route (cumulative counts by bucket bound, in
   * seconds), and the longest the event loop was held since the previous reading.
   */
  serverLatency(method: string, route: string): Promise<{ buckets: Map<string, number>; loopMaxMs: number }>
  close(): Promise<void>
}

/**
 * From two readings of the server's histogram: how many answers came in between, the share
 * within `withinMs`, and the smallest bucket bound that holds 99% of them.
 */
export function latencyBetween(before: Map<string, number>, after: Map<string, number>, withinMs: number): { count: number; shareWithin: number; p99AtMostMs: number } {
  const count = (after.get('+Inf') ?? 0) - (before.get('+Inf') ?? 0)
  const inBucket = (le: string) => (after.get(le) ?? 0) - (before.get(le) ?? 0)
  const bounds = [...after.keys()].filter((le) => le !== '+Inf').sort((a, b) => Number(a) - Number(b))
  const p99Bound = bounds.find((le) => inBucket(le) >= count * 0.99)
  return { count, shareWithin: count > 0 ? inBucket(String(withinMs / 1000)) / count : NaN, p99AtMostMs: p99Bound ? Number(p99Bound) * 1000 : Infinity }
}

/**
 * Per-request log lines are off in benchmarks unless BENCH_LOG_REQUESTS=1: behind a reverse proxy
 * the proxy keeps the access log, and here the lines would travel through a pipe to this process,
 * which shares the machine's two cores with the load generator.
 */
const BENCH_LOG_REQUESTS = process.env.BENCH_LOG_REQUESTS === '1' ? '1' : '0'

/** BENCH_PROFILE_DIR=dir writes the server's CPU profile there when it stops (open it in Chrome DevTools) */
const PROFILE_ARGS = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []
/** BENCH_NODE_ARGS="--trace-gc ..." passes further flags to the server's node */
const NODE_ARGS = [...PROFILE_ARGS, ...(process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [])]

export type BenchEngine = 'sqlite' | 'postgres'

/** BENCH_ENGINES=sqlite,postgres (the default): the engines a benchmark runs on, side by side in one run */
export const BENCH_ENGINES: BenchEngine[] = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim() as BenchEngine)

// one PostgreSQL server for the whole benchmark run, a database per bench server; started on first use
let postgres: Promise<TestPostgres> | null = null
const benchPostgres = () => (postgres ??= startPostgres({ settings: { synchronous_commit: 'on', shared_buffers: '256MB' } }))
/** Stops the run's PostgreSQL, if one was started. */
export async function stopBenchPostgres(): Promise<void> {
  if (postgres) await (await postgres).stop()
  postgres = null
}

export interface BenchServerOptions {
  engine?: BenchEngine
  /** SQLite's synchronous; PostgreSQL always syncs each commit (synchronous_commit=on) */
  synchronous?: 'FULL' | 'NORMAL'
  /** on top of the server's environment, e.g. the outbound worker's timer (tests turn it off) */
  env?: Record<string, string>
}

/** The API as its own process on a fresh database (a SQLite file, or a PostgreSQL database) holding `cases` generated cases. */
export async function startBenchServer(cases: number, options: BenchServerOptions = {}): Promise<BenchServer> {
  const engine = options.engine ?? 'sqlite'
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-bench-'))
  const mocks: RunningMocks = await startMocks()
  const databaseUrl = engine === 'postgres' ? await (await benchPostgres()).createDatabase() : undefined
  const env: Record<string, string> = { ...stackEnv(mocks, dataDir), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...options.env }
  const t0 = Date.now()
  const data = await generateCases({ file: path.join(dataDir, 'xinfang.db'), url: databaseUrl }, cases, { key: Buffer.from(env.PII_KEY!, 'base64'), hashKey: env.PII_HASH_KEY! })
  console.log(`[${engine}] generated ${cases} cases for ${data.residentIds.length} residents in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  // DB_SYNCHRONOUS from the environment lets one run measure the production default (FULL)
  const synchronous = process.env.DB_SYNCHRONOUS ?? options.synchronous ?? 'NORMAL'
  if (engine === 'sqlite') console.log(`SQLite synchronous=${synchronous}`)
  const metricsToken = randomBytes(16).toString('hex')
  const server = await startServerProcess({ ...env, METRICS_TOKEN: metricsToken, DB_SYNCHRONOUS: synchronous, LOG_LEVEL: 'warn', LOG_REQUESTS: BENCH_LOG_REQUESTS, RATE_LIMIT_PUBLIC_MAX: '100000000', RATE_LIMIT_LOGIN_MAX: '100000000' }, 120_000, NODE_ARGS)
  // each resident's token is signed once: signing per request would spend the load generator's CPU, which shares the cores with the server
  const tokens = new Map<string, string>()
  const tokenFor = (id: string) => tokens.get(id) ?? tokens.set(id, residentToken(env.JWT_SECRET!, id)).get(id)!
  return {
    server,
    env,
    mocksUrl: mocks.baseUrl,
    engine,
    databaseFile: path.join(dataDir, 'xinfang.db'),
    databaseUrl,
    data,
    tokenFor,
    ownedCase() {
      // generateCases gives case i to resident i mod residents
      const i = Math.floor(Math.random() * data.caseIds.length)
      return { path: `/api/v1/cases/${data.caseIds[i]}`, token: tokenFor(data.residentIds[i % data.residentIds.length]!) }
    },
    async serverLatency(method, route) {
      const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text()
      const buckets = new Map<string, number>()
      const prefix = `xinfang_http_request_duration_seconds_bucket{method="${method}",route="${route}",le="`
      for (const line of text.split('\n')) {
        if (!line.startsWith(prefix)) continue
        const [le, value] = line.slice(prefix.length).split('"} ')
        buckets.set(le!, Number(value))
      }
      const loopMax = /xinfang_event_loop_delay_seconds\{stat="max"\} ([\d.e+-]+)/.exec(text)?.[1]
      return { buckets, loopMaxMs: loopMax ? Number(loopMax) * 1000 : NaN }
    },
    rssMb() {
      const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1]
      return kb ? Math.round(Number(kb) / 1024) : NaN
    },
    async close() {
      await server.stop()
      await mocks.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** BENCH_RUNS (default 3): how many times each load is measured; tables give the median and the range */
export const BENCH_RUNS = Number(process.env.BENCH_RUNS ?? 3)

interface Sample {
  row: Row
  /** of the ceiling measured in the same run and placement */
  ratio: number
}

/** Every run's figure of every load in every placement, in the order the loads were first measured. */
export class SampleBook {
  private readonly byLoad = new Map<string, Map<Placement, Sample[]>>()

  add(name: string, placement: Placement, row: Row, ceilingRps: number): void {
    const byPlacement = this.byLoad.get(name) ?? this.byLoad.set(name, new Map()).get(name)!
    const list = byPlacement.get(placement) ?? byPlacement.set(placement, []).get(placement)!
    list.push({ row, ratio: row.rps / ceilingRps })
  }

  get loads(): [string, Map<Placement, Sample[]>][] {
    return [...this.byLoad]
  }
}

/** One row per load: per placement the median req/s, p99 and ratio to the same run's ceiling, each with its range over the runs. */
export function printSpreadTable(title: string, book: SampleBook, placements: [Placement, string][]) {
  console.log(`\n${title}`)
  for (const [placement, label] of placements) console.log(`- ${placement}: ${label}`)
  const head = placements.map(([p]) => `${p} req/s | ${p} p99 ms | ${p} of ceiling`).join(' | ')
  console.log(`| load | ${head} | errors | non-2xx |`)
  console.log(`| --- |${placements.map(() => ' ---: | ---: | ---: |').join('')} ---: | ---: |`)
  for (const [name, byPlacement] of book.loads) {
    const cells = placements.map(([p]) => {
      const samples = byPlacement.get(p) ?? []
      return `${countSpread(samples.map((s) => s.row.rps))} | ${countSpread(samples.map((s) => s.row.p99))} | ${percentSpread(samples.map((s) => s.ratio))}`
    })
    const all = [...byPlacement.values()].flat()
    console.log(`| ${name} | ${cells.join(' | ')} | ${all.reduce((n, s) => n + s.row.errors, 0)} | ${all.reduce((n, s) => n + s.row.non2xx, 0)} |`)
  }
}

export function printTable(title: string, rows: Row[], ceiling?: number) {
  console.log(`\n${title}`)
  console.log('| load | req/s | p50 ms | p99 ms |' + (ceiling ? ' of ceiling |' : '') + ' errors | non-2xx |')
  console.log('| --- | ---: | ---: | ---: |' + (ceiling ? ' ---: |' : '') + ' ---: | ---: |')
  for (const r of rows) {
    const ratio = ceiling ? ` ${((r.rps / ceiling) * 100).toFixed(0)}% |` : ''
    console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} |${ratio} ${r.errors} | ${r.non2xx} |`)
  }
}
