import { asc, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Database } from './database'
import { TEST_ENGINES, testDatabases } from './test-databases'

const open = testDatabases()
const at = new Date('2026-12-07T02:00:00Z')

const unitsNamed = (db: Database) =>
  db.prepared('test.unitsNamed', (q) => q.select().from(db.tables.units).where(eq(db.tables.units.name, sql.placeholder('name'))).orderBy(asc(db.tables.units.code)))

describe.each(TEST_ENGINES)('prepared reads on %s', (engine) => {
  it('answers each call with its own values, mapped as the query builder maps them', async () => {
    const { db } = await open(engine)
    await db.q.insert(db.tables.units).values([
      { code: 'u1', name: '甲', matters: '' },
      { code: 'u2', name: '乙', matters: '' },
      { code: 'u3', name: '甲', matters: '' },
    ])
    expect((await unitsNamed(db)(db.q, { name: '甲' })).map((u) => u.code)).toEqual(['u1', 'u3'])
    expect((await unitsNamed(db)(db.q, { name: '乙' })).map((u) => u.code)).toEqual(['u2'])
    // times come back as Dates, as from the builder
    await db.q.insert(db.tables.idempotencyKeys).values({ scope: 's', key: 'k', fingerprint: 'f', statusCode: 201, response: { ok: true }, createdAt: at })
    const keys = db.prepared('test.key', (q) => q.select().from(db.tables.idempotencyKeys).where(eq(db.tables.idempotencyKeys.key, sql.placeholder('key'))))
    const [row] = await keys(db.q, { key: 'k' })
    expect(row!.createdAt).toEqual(at)
    expect(row!.response).toEqual({ ok: true })
  })

  it('reads inside the transaction whose handle it is given, and not into one it is not', async () => {
    const { db } = await open(engine)
    let insideSaw: string[] = []
    let outsideSaw: string[] | null = null
    await db.transaction(async (tx) => {
      await tx.insert(db.tables.units).values({ code: 'u9', name: '丙', matters: '' })
      insideSaw = (await unitsNamed(db)(tx, { name: '丙' })).map((u) => u.code)
      // on the database's own handle: waits for this transaction (SQLite) or does not see it (PostgreSQL), never sees it uncommitted
      const outside = unitsNamed(db)(db.q, { name: '丙' }).then((rows) => (outsideSaw = rows.map((u) => u.code)))
      if (engine === 'postgres') await outside
      expect(outsideSaw === null || outsideSaw.length === 0).toBe(true)
    })
    expect(insideSaw).toEqual(['u9'])
    await new Promise((r) => setTimeout(r, 10))
    // SQLite's waiting read ran after the commit, and saw it
    if (engine === 'sqlite') expect(outsideSaw).toEqual(['u9'])
  })
})
