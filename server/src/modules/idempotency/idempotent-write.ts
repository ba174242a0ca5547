import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Database, Q } from '../../db/database'
import { AppError } from '../../lib/app-error'

export interface IdempotencyRequest {
  /** whose key it is, e.g. `resident:<id>`: two people may pick the same key */
  scope: string
  key: string | undefined
  /** what was asked: the same key with a different request is refused, not replayed */
  request: unknown
}

export interface WriteResult<T> {
  statusCode: number
  body: T
  replayed: boolean
}

const fingerprintOf = (request: unknown) => createHash('sha256').update(JSON.stringify(request)).digest('base64url')

/**
 * Runs a write once per (scope, key). The write and the record of its answer commit in the
 * same transaction, so a crash can never leave a case without its key (which would let a
 * retry create a second one) or a key without its case. A retry arriving at another API node
 * while the first is still running waits for it (the key's lock), then answers its result.
 * Given `within` (a transaction the caller holds, e.g. a group commit's), it runs in that.
 */
export async function idempotentWrite<T>(
  db: Database,
  req: IdempotencyRequest,
  write: (tx: Q) => Promise<{ statusCode: number; body: T }>,
  now: Date,
  within?: Q,
): Promise<WriteResult<T>> {
  const transaction = <R>(work: (tx: Q) => Promise<R>) => (within ? work(within) : db.transaction(work))
  if (!req.key) return { ...(await transaction(write)), replayed: false }
  const { key, scope } = req
  const { idempotencyKeys } = db.tables
  const fingerprint = fingerprintOf(req.request)
  return transaction(async (tx) => {
    await db.lockKey(tx, `idempotency:${scope}:${key}`)
    const [previous] = await tx.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    if (previous) {
      if (previous.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED')
      return { statusCode: previous.statusCode, body: previous.response as T, replayed: true }
    }
    const result = await write(tx)
    await db.insertRows(tx, idempotencyKeys, [{ scope, key, fingerprint, statusCode: result.statusCode, response: result.body, createdAt: now }])
    return { ...result, replayed: false }
  })
}
