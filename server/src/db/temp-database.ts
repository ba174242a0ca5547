import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { openSqlite, type SqliteOptions } from './sqlite-engine'

/**
 * For unit tests: `open()` gives a migrated SQLite file of its own in a fresh folder; the
 * folders go after each test. A real file, not :memory:, so WAL, locks and checkpoints are real.
 */
export function tempDatabases() {
  const dirs: string[] = []
  const open: ReturnType<typeof openSqlite>[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close().catch(() => {})))
    dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }))
  })
  return function openTemp(options: Partial<Omit<SqliteOptions, 'file'>> = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-unit-'))
    dirs.push(dir)
    const file = path.join(dir, 'test.db')
    const db = openSqlite({ file, synchronous: 'NORMAL', ...options })
    open.push(db)
    return Object.assign(db, { file })
  }
}
