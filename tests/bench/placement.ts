import { execFileSync } from 'node:child_process'
import os from 'node:os'

/**
 * Where the processes of a benchmark run. `pinned`: the server side (the API, the bare ceiling
 * route, PostgreSQL) on core 0 and the load generator (this process, with the mocks) on core 1,
 * so neither steals the other's time and a route's figure is what one core of server gives.
 * `shared`: every process free on every core, as before pinning existed; kept beside the pinned
 * figures because it is how a small deployment with its proxy on the same machine runs.
 */
export type Placement = 'pinned' | 'shared'

/** BENCH_PLACEMENT=pinned,shared (the default): the placements each run measures, in turn */
export const PLACEMENTS: Placement[] = (process.env.BENCH_PLACEMENT ?? 'pinned,shared').split(',').map((p) => p.trim() as Placement)

const ALL_CORES = `0-${os.cpus().length - 1}`
const SERVER_CORE = '0'
const LOAD_CORE = String(Math.min(1, os.cpus().length - 1))

/** every thread of `pid` (the libuv pool, V8's helpers, SQLite's checkpointer) onto `cpus` */
const setAffinity = (pid: number, cpus: string) => execFileSync('taskset', ['--all-tasks', '--pid', '--cpu-list', cpus, String(pid)], { stdio: 'ignore' })

/**
 * The bench's PostgreSQL is the only one running as `postgres` while a benchmark runs: its
 * postmaster and the backends already forked (backends forked later inherit the postmaster's cores).
 */
export function postgresPids(): number[] {
  try {
    return execFileSync('pgrep', ['-u', 'postgres'], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number)
  } catch {
    return [] // pgrep exits 1 when nothing matches
  }
}

/** Places this process and the server-side processes `serverPids` for `placement`. */
export function place(placement: Placement, serverPids: readonly number[]): void {
  setAffinity(process.pid, placement === 'pinned' ? LOAD_CORE : ALL_CORES)
  for (const pid of serverPids) setAffinity(pid, placement === 'pinned' ? SERVER_CORE : ALL_CORES)
}

export const placementLabel = (placement: Placement) => (placement === 'pinned' ? `server on core ${SERVER_CORE}, load on core ${LOAD_CORE}` : `every process on cores ${ALL_CORES}`)
