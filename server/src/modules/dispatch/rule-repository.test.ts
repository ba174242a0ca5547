import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ensureReferenceData } from '../../db/reference-data'
import { tempDatabases } from '../../db/temp-database'
import { createRuleRepository } from './rule-repository'

const openDatabase = tempDatabases()

describe('rule repository', () => {
  it("applies a rule the office edits from another connection to the very next submission", () => {
    const { db, sqlite, file } = openDatabase()
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
