import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { dispatchRules } from '../../db/schema'
import type { DispatchRule } from './dispatcher'

export function createRuleRepository(db: Db) {
  // read on every submission, inside its transaction, so an edited rule applies at once
  const active = db.select().from(dispatchRules).where(eq(dispatchRules.active, true)).prepare()
  return {
    active(): DispatchRule[] {
      return active.all()
    },
    /** Fills an empty table with the given rules; an edited table is left as the office left it. */
    seedIfEmpty(rules: readonly DispatchRule[]): number {
      if (db.select({ id: dispatchRules.id }).from(dispatchRules).limit(1).get()) return 0
      if (rules.length > 0) db.insert(dispatchRules).values(rules.map((r) => ({ ...r, active: true }))).run()
      return rules.length
    },
  }
}

export type RuleRepository = ReturnType<typeof createRuleRepository>
