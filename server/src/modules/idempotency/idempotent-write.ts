import { createHash } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { preparedInsert } from '../../db/fast-insert'
import { idempotencyKeys } from '../../db/schema'
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

// one prepared lookup and insert per database connection
const statements = new WeakMap<Db, ReturnType<typeof prepare>>()
const prepare = (db: Db) => ({
  lookup: db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, sql.placeholder('scope')), eq(idempotencyKeys.key, sql.placeholder('key')))).prepare(),
  insert: preparedInsert(db, idempotencyKeys),
})
const statementsOf = (db: Db) => {
  let prepared = statements.get(db)
  if (!prepared) statements.set(db, (prepared = prepare(db)))
  return prepared
}

const fingerprintOf = (request: unknown) => createHash('sha256').update(JSON.stringify(request)).digest('base64url')

/**
 * Runs a write once per (scope, key). The write and the record of its answer commit in the
 * same SQLite transaction, so a crash can never leave a case without its key (which would
 * let a retry create a second one) or a key without its case. `write` must be synchronous.
 */
export function idempotentWrite<T>(db: Db, req: IdempotencyRequest, write: () => { statusCode: number; body: T }, now: Date): WriteResult<T> {
  if (!req.key) return { ...write(), replayed: false }
  const { key, scope } = req
  const fingerprint = fingerprintOf(req.request)
  return db.transaction(() => {
    const { lookup, insert } = statementsOf(db)
    const previous = lookup.get({ scope, key })
    if (previous) {
      if (previous.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED')
      return { statusCode: previous.statusCode, body: previous.response as T, replayed: true }
    }
    const result = write()
    insert({ scope, key, fingerprint, statusCode: result.statusCode, response: result.body, createdAt: now })
    return { ...result, replayed: false }
  }, { behavior: 'immediate' })
}
