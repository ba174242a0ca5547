import { and, desc } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { testDatabases } from '../../db/test-databases'
import type { StaffActor } from '../../plugins/auth'
import { visibleTo } from './case-repository'

const open = testDatabases()

// SQLite's planner: PostgreSQL's plan depends on its statistics, so the PostgreSQL side is measured by the benchmarks instead
describe('staff lists on SQLite', () => {
  it('walk the cases newest first through an index instead of scanning and sorting the table', () => {
    const db = open.sqliteFile()
    const { cases } = db.tables
    const offices: StaffActor[] = [
      { type: 'staff', id: 's_district', role: 'office', unit: 'xinfang', region: 'jinshui' },
      { type: 'staff', id: 's_street', role: 'office', unit: 'xinfang', region: 'jinshui.huayuanlu' },
      { type: 'staff', id: 's_city', role: 'handler', unit: 'heating', region: 'city' },
    ]
    for (const actor of offices) {
      const query = db.q.select({ id: cases.id }).from(cases).where(and(visibleTo(db.tables, actor))).orderBy(desc(cases.registeredAt), desc(cases.id)).limit(21).toSQL()
      const plan = db.connection
        .prepare(`explain query plan ${query.sql}`)
        .all(...query.params)
        .map((row) => (row as { detail: string }).detail)
        .join(' | ')
      expect(plan, actor.region).toMatch(/SCAN cases USING (COVERING )?INDEX cases_registered/)
      expect(plan, actor.region).not.toContain('TEMP B-TREE FOR ORDER BY')
    }
  })
})
