import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Database, Q } from '../db/database'
import { TEST_ENGINES, testDatabases } from '../db/test-databases'
import { createGroupCommit } from './group-commit'

const open = testDatabases()
const at = new Date('2026-12-07T02:00:00Z')

// rows of a table with a primary key, so a repeated key fails its write
const insert = (db: Database, key: string) => (tx: Q) =>
  tx.insert(db.tables.idempotencyKeys).values({ scope: 'test', key, fingerprint: key, statusCode: 200, response: {}, createdAt: at })
const keys = async (db: Database) => (await db.q.select({ key: db.tables.idempotencyKeys.key }).from(db.tables.idempotencyKeys)).map((r) => r.key).sort()
const rows = async (db: Database) => (await db.q.select({ n: count() }).from(db.tables.idempotencyKeys))[0]!.n

describe.each(TEST_ENGINES)('group commit on %s', (engine) => {
  it('commits a burst of writes in one transaction, failing only the one that throws', async () => {
    const { db } = await open(engine)
    const group = createGroupCommit(db)
    const handles = new Set<Q>()
    const write = (key: string) => async (tx: Q) => {
      handles.add(tx)
      await insert(db, key)(tx)
    }
    const results = await Promise.allSettled([group.run(write('a')), group.run(write('b')), group.run(write('a')), group.run(write('c'))])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    expect(await keys(db)).toEqual(['a', 'b', 'c'])
    // each write ran in a transaction (a savepoint of the batch's, on SQLite), none on the database outside one
    expect(handles.has(db.q)).toBe(false)
    expect(handles.size).toBe(4)
  })

  it('answers only after the write is committed', async () => {
    const { db } = await open(engine)
    const group = createGroupCommit(db)
    let seenBeforeCommit = -1
    const done = group.run(async (tx) => {
      await insert(db, 'x')(tx)
    })
    // batched (SQLite): queued, not yet flushed, nothing visible; PostgreSQL commits it on its own at once
    seenBeforeCommit = await rows(db)
    await done
    if (db.batchesWrites) expect(seenBeforeCommit).toBe(0)
    expect(await rows(db)).toBe(1)
  })

  it('splits a queue longer than the batch limit over several commits', async () => {
    const { db } = await open(engine)
    const group = createGroupCommit(db, { maxBatch: 10 })
    await Promise.all(Array.from({ length: 35 }, (_, i) => group.run(insert(db, `k${i}`))))
    expect(await rows(db)).toBe(35)
  })
})
