import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { preparedInsert } from './fast-insert'
import { caseEvents, idempotencyKeys, units } from './schema'
import { tempDatabases } from './temp-database'

const openDatabase = tempDatabases()
const open = () => openDatabase().db

describe('preparedInsert', () => {
  it('writes what drizzle would write, and answers the row as drizzle would read it back', () => {
    const db = open()
    db.insert(units).values({ code: 'heating', name: '郑州热力集团有限公司', matters: '暖气' }).run()
    const at = new Date('2026-10-01T02:03:04.005Z')
    const insertKey = preparedInsert(db, idempotencyKeys)
    const written = insertKey({ scope: 'resident:r1', key: 'k-1', fingerprint: 'f', statusCode: 201, response: { id: 'c1', nested: [1, '二'] }, createdAt: at })
    const read = db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'k-1')).get()
    expect(written).toEqual(read)
    expect(read!.createdAt).toEqual(at)
    expect(read!.response).toEqual({ id: 'c1', nested: [1, '二'] })
  })

  it('fills the autoincrement id from SQLite and leaves missing optional columns null', () => {
    const db = open()
    const insertEvent = preparedInsert(db, caseEvents)
    db.$client.pragma('foreign_keys = OFF')
    const first = insertEvent({ caseId: 'c1', at: new Date(0), actorType: 'system', actorLabel: '系统', action: 'dispatched' })
    const second = insertEvent({ caseId: 'c1', at: new Date(1), actorType: 'system', actorLabel: '系统', action: 'triaged', data: { a: 1 } })
    expect(second.id).toBe(first.id + 1)
    expect(db.select().from(caseEvents).all()).toEqual([first, second])
    expect(first.note).toBeNull()
  })
})
