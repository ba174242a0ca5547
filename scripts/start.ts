import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { devEnv } from './dev-env'

/**
 * `npm start`: builds the H5 app when its sources changed, then the platform mocks, then the
 * API on a SQLite file under DATA_DIR with demo accounts, serving the H5 app at `/`; each a
 * process of its own talking HTTP. `--no-build` (npm run serve) skips the build and serves the
 * H5 build there is, if any. Ctrl-C (or SIGTERM) stops both gracefully; if either dies, the
 * other is stopped too and the exit code says so.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const H5_BUILD = path.join(ROOT, 'miniapp/dist/h5')
// what goes into the H5 bundle: the app, the shared domain it bundles, and the build config
const H5_SOURCES = ['miniapp/src', 'miniapp/config', 'shared/src']

/** Why the H5 build must be redone, or null when it is newer than every source file. */
function staleH5Build(): string | null {
  const index = fs.statSync(path.join(H5_BUILD, 'index.html'), { throwIfNoEntry: false })
  if (!index) return 'there is no H5 build yet'
  for (const folder of H5_SOURCES) {
    for (const file of fs.readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })) {
      const stat = fs.statSync(path.join(ROOT, folder, file))
      if (stat.isFile() && stat.mtimeMs > index.mtimeMs) return `${folder}/${file} changed since the last build`
    }
  }
  return null
}

/** `npm run build:h5` with its output on this terminal: the first build takes about 30 s. */
function buildH5(reason: string): Promise<void> {
  console.log(`[start] building the H5 app into miniapp/dist/h5 (${reason}); this takes about 30 s`)
  const build = spawn('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit' })
  return new Promise((resolve, reject) => {
    build.on('error', reject)
    build.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`npm run build:h5 failed (${signal ?? code}); fix it, or start without the H5 app: npm run serve`)),
    )
  })
}

const skipBuild = process.argv.includes('--no-build')
const stale = staleH5Build()
if (stale && !skipBuild) {
  await buildH5(stale).catch((error: Error) => {
    console.error(`[start] ${error.message}`)
    process.exit(1)
  })
}
const servesH5 = fs.existsSync(path.join(H5_BUILD, 'index.html'))
if (skipBuild && stale && servesH5) console.warn(`[start] serving the H5 build as it is, although ${stale}; npm start rebuilds it`)

const env = devEnv()

/**
 * Refuses to start on a port something else holds: otherwise that other server could answer
 * the health check, the banner would print, and our API would then die with EADDRINUSE.
 */
function ensurePortFree(port: number, variable: string): Promise<void> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => {
      console.error(`[start] port ${port} is already in use; stop what holds it, or choose another with ${variable}=<port>`)
      process.exit(1)
    })
    probe.listen({ host: '127.0.0.1', port }, () => probe.close(() => resolve()))
  })
}
await ensurePortFree(env.mocksPort, 'MOCKS_PORT')
await ensurePortFree(env.apiPort, 'PORT')

const children: ChildProcess[] = []
let stopping = false

function run(name: string, entry: string, childEnv: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env: childEnv, stdio: 'inherit' })
  child.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`[start] ${name} exited (${signal ?? code}); stopping`)
    stop(code ?? 1)
  })
  children.push(child)
  return child
}

function stop(exitCode: number) {
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => process.exit(exitCode))
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (stopping) return
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

run('mocks', 'mocks/src/server.ts', env.mocks)
await waitFor(`http://127.0.0.1:${env.mocksPort}/__mocks/calls`, 30_000)
run('api', 'server/src/server.ts', servesH5 ? { ...env.server, H5_DIR: H5_BUILD } : env.server)
await waitFor(`http://127.0.0.1:${env.apiPort}/healthz`, 60_000)
console.log(`
  智慧信访 is running (data in ${env.dataDir})
  H5 app   ${servesH5 ? `http://127.0.0.1:${env.apiPort}/` : 'not built (npm start builds it)'}
  API      http://127.0.0.1:${env.apiPort}/api/v1
  API docs http://127.0.0.1:${env.apiPort}/docs
  Health   http://127.0.0.1:${env.apiPort}/healthz
  Mocks    http://127.0.0.1:${env.mocksPort}  (WeChat, Alipay, city app)
  Ctrl-C to stop.
`)
