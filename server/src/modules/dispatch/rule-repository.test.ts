import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client'
import { ensureReferenceData } from '../../db/reference-data'
import { createRuleRepository } from './rule-repository'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

describe('rule repository', () => {
  it("applies a rule the office edits from another connection to the very next submission", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-'))
    dirs.push(dir)
    const file = path.join(dir, 'test.db')
    const { db, sqlite } = openDatabase({ file, synchronous: 'NORMAL' })
    ensureReferenceData(db)
    const rules = createRuleRepository(db)
    const before = rules.active()
    expect(before.length).toBeGreaterThan(1)
    expect(rules.active()).toBe(before)

    const office = new Database(file)
    office.prepare('update dispatch_rules set active = 0 where id = ?').run(before[0]!.id)
    office.close()

    const after = rules.active()
    expect(after.map((r) => r.id)).not.toContain(before[0]!.id)
    expect(after).toHaveLength(before.length - 1)
    sqlite.close()
  })
})
