import type { Database, Q } from '../db/database'

interface Pending<T> {
  write: (tx: Q) => Promise<T>
  resolve: (value: T) => void
  reject: (error: unknown) => void
}

/**
 * Group commit: writes that arrive together share one transaction, so one commit (one fsync)
 * acknowledges a whole batch instead of one each. Each write runs in its own savepoint, so one
 * that throws (a duplicate signature) is rolled back alone and fails alone; the rest commit. A
 * caller's promise settles only after the commit that holds its write: an answered write is on disk.
 *
 * Batches form naturally: writes queued while the event loop handles one burst of requests are
 * flushed together on the next turn, so a lone request waits no longer than one turn. Writes
 * run one after another inside the batch, each seeing those before it.
 */
export function createGroupCommit(db: Database, { maxBatch = 512 }: { maxBatch?: number } = {}) {
  // the engine shares commits itself (PostgreSQL): each write is a transaction of its own
  if (!db.batchesWrites) return { run: <T>(write: (tx: Q) => Promise<T>): Promise<T> => db.transaction(write) }

  let queue: Pending<unknown>[] = []
  let scheduled = false

  async function flush(): Promise<void> {
    scheduled = false
    const batch = queue.splice(0, maxBatch)
    if (queue.length > 0) schedule()
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = []
    try {
      await db.transaction(async (tx) => {
        for (const op of batch) {
          try {
            outcomes.push({ ok: true, value: await tx.transaction((savepoint) => op.write(savepoint as unknown as Q)) })
          } catch (error) {
            outcomes.push({ ok: false, error })
          }
        }
      })
    } catch (error) {
      // the commit itself failed (disk full, I/O error, a lost connection): nothing in the batch was written
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
    setImmediate(() => void flush())
  }

  return {
    /** Runs `write` in the next batch; resolves with its result once the batch is committed. */
    run<T>(write: (tx: Q) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ write: write as (tx: Q) => Promise<unknown>, resolve: resolve as (value: unknown) => void, reject })
        schedule()
      })
    },
  }
}

export type GroupCommit = ReturnType<typeof createGroupCommit>
