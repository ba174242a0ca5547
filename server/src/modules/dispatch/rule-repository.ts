import { eq } from 'drizzle-orm'
import type { Database, Q } from '../../db/database'
import type { DispatchRule } from './dispatcher'

export function createRuleRepository(db: Database, q: Q = db.q) {
  const { dispatchRules } = db.tables
  // The office edits rules in the database itself (another connection), and an edited rule must
  // apply to the next submission. Where the engine says cheaply whether another connection has
  // committed (SQLite's data_version), the rules are read again only then; elsewhere, every time.
  let cached: { marker: unknown; rules: DispatchRule[] } | null = null
  return {
    /** read on `on`, the handle of the caller (its transaction, where it holds one) */
    async active(on: Q = q): Promise<DispatchRule[]> {
      const marker = await db.changeMarker()
      if (marker !== null && cached && cached.marker === marker) return cached.rules
      const rules = await on.select().from(dispatchRules).where(eq(dispatchRules.active, true))
      cached = marker === null ? null : { marker, rules }
      return rules
    },
    /** Fills an empty table with the given rules; an edited table is left as the office left it. */
    async seedIfEmpty(rules: readonly DispatchRule[]): Promise<number> {
      if ((await q.select({ id: dispatchRules.id }).from(dispatchRules).limit(1)).length > 0) return 0
      if (rules.length > 0) await q.insert(dispatchRules).values(rules.map((r) => ({ ...r, active: true })))
      cached = null
      return rules.length
    },
  }
}

export type RuleRepository = ReturnType<typeof createRuleRepository>
