import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createReadSnapshot } from './read-snapshot'

describe('createReadSnapshot', () => {
  const open = () => {
    const sqlite = new Database(':memory:')
    sqlite.exec('create table t (n integer)')
    sqlite.prepare('insert into t values (1)').run()
    return sqlite
  }

  it('runs the reads in a transaction and ends it', () => {
    const sqlite = open()
    const snapshot = createReadSnapshot(sqlite)
    const seen = snapshot(() => ({ inside: sqlite.inTransaction, n: sqlite.prepare('select n from t').pluck().get() }))
    expect(seen).toEqual({ inside: true, n: 1 })
    expect(sqlite.inTransaction).toBe(false)
  })

  it('ends the transaction when the reads throw, and passes the error on', () => {
    const sqlite = open()
    const snapshot = createReadSnapshot(sqlite)
    expect(() => snapshot(() => sqlite.prepare('select nope from t').get())).toThrow(/no such column/)
    expect(sqlite.inTransaction).toBe(false)
    expect(snapshot(() => 'again')).toBe('again')
  })

  it('joins a transaction already open instead of nesting', () => {
    const sqlite = open()
    const snapshot = createReadSnapshot(sqlite)
    sqlite.transaction(() => {
      sqlite.prepare('insert into t values (2)').run()
      expect(snapshot(() => sqlite.prepare('select count(*) from t').pluck().get())).toBe(2)
      expect(sqlite.inTransaction).toBe(true)
    })()
  })
})
