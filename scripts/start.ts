import { spawn, type ChildProcess } from 'node:child_process'
import { devEnv } from './dev-env'

/**
 * `npm start`: the platform mocks, then the API on a SQLite file under DATA_DIR with demo
 * accounts, each as its own process talking HTTP. Ctrl-C (or SIGTERM) stops both gracefully;
 * if either dies, the other is stopped too and the exit code says so.
 */
const env = devEnv()
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
run('api', 'server/src/server.ts', env.server)
await waitFor(`http://127.0.0.1:${env.apiPort}/healthz`, 60_000)
console.log(`
  智慧信访 is running (data in ${env.dataDir})
  API      http://127.0.0.1:${env.apiPort}/api/v1
  API docs http://127.0.0.1:${env.apiPort}/docs
  Health   http://127.0.0.1:${env.apiPort}/healthz
  Mocks    http://127.0.0.1:${env.mocksPort}  (WeChat, Alipay, city app)
  Ctrl-C to stop.
`)
