import type { Db } from '../db/client'

interface Pending<T> {
  write: () => T
  resolve: (value: T) => void
  reject: (error: unknown) => void
}

/**
 * Group commit: writes that arrive together share one transaction, so one fsync acknowledges a
 * whole batch instead of one each. Each write runs in its own savepoint, so one that throws
 * (a duplicate signature) is rolled back alone and fails alone; the rest commit. A caller's
 * promise settles only after the commit that holds its write: an answered write is on disk.
 *
 * Batches form naturally: writes queued while the event loop handles one burst of requests are
 * flushed together on the next turn, so a lone request waits no longer than one turn.
 */
export function createGroupCommit(db: Db, { maxBatch = 512 }: { maxBatch?: number } = {}) {
  let queue: Pending<unknown>[] = []
  let scheduled = false

  function flush(): void {
    scheduled = false
    const batch = queue.splice(0, maxBatch)
    if (queue.length > 0) schedule()
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = []
    try {
      db.transaction(() => {
        for (const op of batch) {
          try {
            // a nested better-sqlite3 transaction is a savepoint
            outcomes.push({ ok: true, value: db.transaction(op.write) })
          } catch (error) {
            outcomes.push({ ok: false, error })
          }
        }
      })
    } catch (error) {
      // the commit itself failed (disk full, I/O error): nothing in the batch was written
      for (const op of batch) op.reject(error)
      return
    }
    batch.forEach((op, i) => {
      const outcome = outcomes[i]!
      if (outcome.ok) op.resolve(outcome.value)
      else op.reject(outcome.error)
    })
  }

  function schedule(): void {
    if (scheduled) return
    scheduled = true
    setImmediate(flush)
  }

  return {
    /** Runs `write` in the next batch; resolves with its result once the batch is committed. */
    run<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ write, resolve: resolve as (value: unknown) => void, reject })
        schedule()
      })
    },
  }
}

export type GroupCommit = ReturnType<typeof createGroupCommit>
