import { sql } from 'drizzle-orm'
import { UNITS } from '@xinfang/shared/catalog'
import { defaultDispatchRules } from '../modules/dispatch/default-rules'
import { createRuleRepository } from '../modules/dispatch/rule-repository'
import type { Database } from './database'

/**
 * What every installation needs, demo or not: the unit directory from the catalog contract
 * (names kept current) and, on a fresh database, the default dispatch rules.
 */
export async function ensureReferenceData(db: Database): Promise<void> {
  const { units } = db.tables
  await db.transaction(async (tx) => {
    // nodes starting together take turns: the second finds the rules the first seeded
    await db.lockKey(tx, 'bootstrap:reference-data')
    await tx
      .insert(units)
      .values(UNITS.map((u) => ({ code: u.code, name: u.name, matters: u.matters })))
      .onConflictDoUpdate({ target: units.code, set: { name: sql`excluded.name`, matters: sql`excluded.matters` } })
    await createRuleRepository(db, tx).seedIfEmpty(defaultDispatchRules())
  })
}
