import type Database from 'better-sqlite3'

/** Runs a function's reads in one transaction; see createReadSnapshot. */
export type ReadSnapshot = <T>(read: () => T) => T

/**
 * One read transaction around a request's reads. Outside a transaction every statement takes
 * and drops SQLite's shared lock on its own (two fcntl calls each, the largest cost of a point
 * read here); inside one, a detail's four or five reads share a single lock, and they see one
 * consistent state of the file. Inside a write transaction already, the reads simply join it.
 */
export function createReadSnapshot(sqlite: Database.Database): ReadSnapshot {
  const begin = sqlite.prepare('begin')
  const commit = sqlite.prepare('commit')
  const rollback = sqlite.prepare('rollback')
  return (read) => {
    if (sqlite.inTransaction) return read()
    begin.run()
    let result
    try {
      result = read()
    } catch (error) {
      rollback.run()
      throw error
    }
    commit.run()
    return result
  }
}
