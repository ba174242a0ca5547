import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { dispatchRules } from '../../db/schema'
import type { DispatchRule } from './dispatcher'

export function createRuleRepository(db: Db) {
  const active = db.select().from(dispatchRules).where(eq(dispatchRules.active, true)).prepare()
  // The office edits rules in the database itself (another connection), and an edited rule must
  // apply to the next submission. SQLite's data_version changes exactly when another connection
  // has committed, so the rules are read again then, and not on every submission.
  const dataVersion = db.$client.prepare('pragma data_version').pluck()
  let cached: { version: unknown; rules: DispatchRule[] } | null = null
  return {
    active(): DispatchRule[] {
      const version = dataVersion.get()
      if (!cached || cached.version !== version) cached = { version, rules: active.all() }
      return cached.rules
    },
    /** Fills an empty table with the given rules; an edited table is left as the office left it. */
    seedIfEmpty(rules: readonly DispatchRule[]): number {
      if (db.select({ id: dispatchRules.id }).from(dispatchRules).limit(1).get()) return 0
      if (rules.length > 0) db.insert(dispatchRules).values(rules.map((r) => ({ ...r, active: true }))).run()
      cached = null
      return rules.length
    },
  }
}

export type RuleRepository = ReturnType<typeof createRuleRepository>
