import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { openDatabase, type OpenOptions } from './client'

/**
 * For unit tests: `open()` gives a migrated SQLite file of its own in a fresh folder; the
 * folders go after each test. A real file, not :memory:, so WAL, locks and checkpoints are real.
 */
export function tempDatabases() {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))
  return function open(options: Partial<Omit<OpenOptions, 'file'>> = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-unit-'))
    dirs.push(dir)
    const file = path.join(dir, 'test.db')
    return { file, ...openDatabase({ file, synchronous: 'NORMAL', ...options }) }
  }
}
