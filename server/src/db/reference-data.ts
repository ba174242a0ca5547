import { sql } from 'drizzle-orm'
import { UNITS } from '@xinfang/shared/catalog'
import { defaultDispatchRules } from '../modules/dispatch/default-rules'
import { createRuleRepository } from '../modules/dispatch/rule-repository'
import type { Db } from './client'
import { units } from './schema'

/**
 * What every installation needs, demo or not: the unit directory from the catalog contract
 * (names kept current) and, on a fresh database, the default dispatch rules.
 */
export function ensureReferenceData(db: Db): void {
  db.transaction(() => {
    db.insert(units)
      .values(UNITS.map((u) => ({ code: u.code, name: u.name, matters: u.matters })))
      .onConflictDoUpdate({ target: units.code, set: { name: sql`excluded.name`, matters: sql`excluded.matters` } })
      .run()
    createRuleRepository(db).seedIfEmpty(defaultDispatchRules())
  })
}
