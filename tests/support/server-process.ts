import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

// a failed test must not leave a server running after the test process ends
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

export interface ServerProcess {
  url: string
  child: ChildProcess
  output(): string
  /** SIGTERM and wait for the exit code */
  stop(): Promise<number | null>
  /** SIGKILL: no shutdown, no flush, like a power cut to the process */
  kill(): Promise<void>
}

/**
 * The API as its own OS process (server/src/server.ts), for tests that must kill it or watch
 * it stop. PORT=0 lets the OS pick a port; the process's own log line says which.
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 20_000, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const deadline = Date.now() + timeoutMs
  let url: string | undefined
  while (!url) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not start within ${timeoutMs} ms:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 50))
    url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
  }
  return {
    url,
    child,
    output: () => output,
    async stop() {
      child.kill('SIGTERM')
      const [code] = await once(child, 'exit')
      return code as number | null
    },
    async kill() {
      child.kill('SIGKILL')
      await once(child, 'exit')
    },
  }
}
