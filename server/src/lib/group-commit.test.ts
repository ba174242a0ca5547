import { describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { tempDatabases } from '../db/temp-database'
import { createGroupCommit } from './group-commit'

const openDatabase = tempDatabases()

function open() {
  const { sqlite, db } = openDatabase({ synchronous: 'FULL' })
  sqlite.exec('create table t (k text primary key)')
  return { sqlite, db }
}

describe('group commit', () => {
  it('commits a burst of writes in one transaction, failing only the one that throws', async () => {
    const { sqlite, db } = open()
    const group = createGroupCommit(db)
    const insert = (k: string) => () => {
      // every write of the burst runs inside the same open transaction
      expect(sqlite.inTransaction).toBe(true)
      return db.run(sql`insert into t (k) values (${k})`)
    }
    const results = await Promise.allSettled([group.run(insert('a')), group.run(insert('b')), group.run(insert('a')), group.run(insert('c'))])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    expect(sqlite.prepare('select k from t order by k').pluck().all()).toEqual(['a', 'b', 'c'])
  })

  it('answers only after the write is committed', async () => {
    const { sqlite, db } = open()
    const group = createGroupCommit(db)
    const done = group.run(() => db.run(sql`insert into t (k) values ('x')`))
    // not yet flushed: nothing visible, nothing acknowledged
    expect(sqlite.prepare('select count(*) from t').pluck().get()).toBe(0)
    await done
    expect(sqlite.prepare('select count(*) from t').pluck().get()).toBe(1)
  })

  it('splits a queue longer than the batch limit over several commits', async () => {
    const { sqlite, db } = open()
    const group = createGroupCommit(db, { maxBatch: 10 })
    await Promise.all(Array.from({ length: 35 }, (_, i) => group.run(() => db.run(sql`insert into t (k) values (${`k${i}`})`))))
    expect(sqlite.prepare('select count(*) from t').pluck().get()).toBe(35)
  })
})
