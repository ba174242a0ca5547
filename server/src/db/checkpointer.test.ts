import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { startCheckpointer } from './checkpointer'
import { testDatabases } from './test-databases'

const open = testDatabases()

const waitFor = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 20))
  }
  return true
}

describe('startCheckpointer', () => {
  it('moves committed pages into the database file while the app writes with its own checkpoints off', async () => {
    const { connection: sqlite, file } = open.sqliteFile({ synchronous: 'FULL' })
    sqlite.pragma('wal_autocheckpoint = 0')
    sqlite.exec('create table notes (text text)')
    const marker = `marker-${Date.now()}`
    const inDatabaseFile = () => fs.readFileSync(file).includes(marker)

    sqlite.prepare('insert into notes values (?)').run(marker)
    expect(inDatabaseFile()).toBe(false)

    const errors: string[] = []
    const checkpointer = startCheckpointer({ file, synchronous: 'FULL', intervalMs: 20, onError: (m) => errors.push(m) })
    expect(await waitFor(inDatabaseFile)).toBe(true)
    await checkpointer.stop()
    await checkpointer.stop()
    expect(errors).toEqual([])
    sqlite.close()
  })

  it('reports a checkpoint that fails instead of failing silently', async () => {
    const errors: string[] = []
    const checkpointer = startCheckpointer({ file: path.join(os.tmpdir(), 'no-such-dir', 'x.db'), synchronous: 'FULL', intervalMs: 20, onError: (m) => errors.push(m) })
    expect(await waitFor(() => errors.length > 0)).toBe(true)
    await checkpointer.stop()
  })
})
