import { and, desc } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cases } from '../../db/schema'
import { tempDatabases } from '../../db/temp-database'
import type { StaffActor } from '../../plugins/auth'
import { visibleTo } from './case-repository'

const openDatabase = tempDatabases()

describe('staff lists', () => {
  it('walk the cases newest first through an index instead of scanning and sorting the table', () => {
    const { db, sqlite } = openDatabase()
    const offices: StaffActor[] = [
      { type: 'staff', id: 's_district', role: 'office', unit: 'xinfang', region: 'jinshui' },
      { type: 'staff', id: 's_street', role: 'office', unit: 'xinfang', region: 'jinshui.huayuanlu' },
      { type: 'staff', id: 's_city', role: 'handler', unit: 'heating', region: 'city' },
    ]
    for (const actor of offices) {
      const query = db.select({ id: cases.id }).from(cases).where(and(visibleTo(actor))).orderBy(desc(cases.registeredAt), desc(cases.id)).limit(21).toSQL()
      const plan = sqlite
        .prepare(`explain query plan ${query.sql}`)
        .all(...query.params)
        .map((row) => (row as { detail: string }).detail)
        .join(' | ')
      expect(plan, actor.region).toMatch(/SCAN cases USING (COVERING )?INDEX cases_registered/)
      expect(plan, actor.region).not.toContain('TEMP B-TREE FOR ORDER BY')
    }
    sqlite.close()
  })
})
