import { once } from 'node:events'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

export interface CheckpointerOptions {
  file: string
  synchronous: 'FULL' | 'NORMAL'
  intervalMs: number
  /** told when a checkpoint fails; the next one tries again */
  onError(message: string): void
}

export interface Checkpointer {
  /** stops after the checkpoint in progress, if any, and closes the worker's connection */
  stop(): Promise<void>
}

/** Written in plain CommonJS so it runs in a worker without the TypeScript loader. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
db.pragma('busy_timeout = 5000')
db.pragma('synchronous = ' + workerData.synchronous)
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    parentPort.postMessage(String(error && error.message || error))
  }
}, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

/**
 * Copies committed pages from the WAL back into the database file on a thread of its own,
 * every `intervalMs`. SQLite otherwise checkpoints inside whichever commit crosses 1,000 WAL
 * pages: that commit, and every request queued behind it on the event loop, waits for a
 * thousand page writes and two fsyncs, which was the tail of submission latency under load.
 * A PASSIVE checkpoint never blocks the app's connection; durability is unchanged (a commit is
 * on disk once it is in the WAL).
 */
export function startCheckpointer({ file, synchronous, intervalMs, onError }: CheckpointerOptions): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, synchronous, intervalMs, driver } })
  worker.on('message', (message: string) => onError(message))
  worker.on('error', (error) => onError(error.message))
  // a checkpoint thread must not keep the process alive on its own
  worker.unref()
  return {
    async stop() {
      if (worker.threadId === -1) return
      const exited = once(worker, 'exit')
      worker.postMessage('stop')
      await exited
    },
  }
}
