import { describe, expect, it } from 'vitest'
import { ensureReferenceData } from '../../db/reference-data'
import { TEST_ENGINES, testDatabases } from '../../db/test-databases'
import { createRuleRepository } from './rule-repository'

const open = testDatabases()

describe.each(TEST_ENGINES)('rule repository on %s', (engine) => {
  it('applies a rule the office edits from another connection to the very next submission', async () => {
    const { db, elsewhere } = await open(engine)
    await ensureReferenceData(db)
    const rules = createRuleRepository(db)
    const before = await rules.active()
    expect(before.length).toBeGreaterThan(1)
    // nothing changed: SQLite answers from the cache (PostgreSQL, which cannot tell cheaply, reads again)
    if (engine === 'sqlite') expect(await rules.active()).toBe(before)

    await elsewhere('update dispatch_rules set active = false where id = ?', [before[0]!.id])

    const after = await rules.active()
    expect(after.map((r) => r.id)).not.toContain(before[0]!.id)
    expect(after).toHaveLength(before.length - 1)
  })
})
