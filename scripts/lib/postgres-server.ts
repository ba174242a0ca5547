// Starts a throwaway or kept PostgreSQL server from the installed binaries. Shared by the test
// harness (tests/support/postgres.ts) and `npm run pg:local` (scripts/pg-local.ts).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { findPgBin } from '@xinfang/server/db/pg-tools'
import pg from 'pg'

export interface PostgresServer {
  /** URL of the `postgres` database as the superuser `postgres`. */
  adminUrl: string
  port: number
  stop(): Promise<void>
}

export interface ServerOptions {
  dataDir: string
  /** Keep the data directory (pg:local) instead of expecting a fresh one. */
  keepData?: boolean
  /** Fixed port (pg:local, so its URL stays the same); a free one when absent. */
  port?: number
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>
}

const asRoot = process.getuid?.() === 0

// PostgreSQL refuses to run as root. setpriv execs in place (no intermediate process), so the pid
// we spawn is the postmaster itself and a signal to it reaches the server.
function asOwner(cmd: string, args: string[]): [string, string[]] {
  return asRoot ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', cmd, ...args]] : [cmd, args]
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}):\n${log()}`)
    const client = new pg.Client({ connectionString: url })
    try {
      await client.connect()
      await client.query('SELECT 1')
      await client.end()
      return
    } catch (err) {
      await client.end().catch(() => undefined)
      if (Date.now() > deadline) throw new Error(`postgres not ready after 30 s: ${String(err)}\n${log()}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
}

export async function startPostgresServer(options: ServerOptions): Promise<PostgresServer> {
  const bin = findPgBin()
  const { dataDir } = options
  const pgdata = path.join(dataDir, 'pgdata')
  const socketDir = path.join(dataDir, 'sock')
  fs.mkdirSync(socketDir, { recursive: true })
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dataDir])
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    // trust for 127.0.0.1 and the socket only (pg_hba from --auth; listen_addresses below keeps
    // the server off every other interface).
    const [cmd, args] = asOwner(path.join(bin, 'initdb'), [
      '-D', pgdata, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8', '--no-instructions',
    ])
    execFileSync(cmd, args, { stdio: 'pipe' })
  }
  const port = options.port ?? (await freePort())
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: socketDir,
    // Several API nodes, each with its own pool, share one server in the tests.
    max_connections: '200',
    shared_buffers: '32MB',
    // fsync and synchronous_commit stay on: the durability and backup tests must see what
    // production sees; startup time is dominated by initdb, not by commits.
    ...options.settings,
  }
  const args = ['-D', pgdata, '-p', String(port)]
  for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`)
  const [cmd, cmdArgs] = asOwner(path.join(bin, 'postgres'), args)
  let output = ''
  const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  // process.kill is synchronous, so it works in 'exit'; SIGQUIT is PostgreSQL's immediate
  // shutdown. A SIGKILL of this process runs no handler: the postmaster then survives until
  // its data dir is removed: it rechecks postmaster.pid every minute and shuts itself down when
  // the file is gone, so clearing the OS temp dir ends it.
  const onExit = (): void => {
    if (child.exitCode === null) child.kill('SIGQUIT')
  }
  process.on('exit', onExit)
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`
  try {
    await waitReady(adminUrl, child, () => output)
  } catch (err) {
    onExit()
    throw err
  }
  return {
    adminUrl,
    port,
    async stop() {
      process.off('exit', onExit)
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGINT') // fast shutdown, as pg_ctl stop -m fast
        await exited
      }
      if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
