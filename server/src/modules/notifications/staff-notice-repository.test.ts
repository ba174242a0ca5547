import { describe, expect, it } from 'vitest'
import { ensureReferenceData } from '../../db/reference-data'
import type { Engine } from '../../db/database'
import { TEST_ENGINES, testDatabases } from '../../db/test-databases'
import { createStaffNoticeRepository, DEFAULT_NOTICE_SETTINGS } from './staff-notice-repository'

const open = testDatabases()
const now = new Date('2026-11-02T02:00:00Z')

async function withStaff(engine: Engine, people: { id: string; role: string; unit: string; region: string; active?: boolean }[]) {
  const { db } = await open(engine)
  await ensureReferenceData(db)
  await db.q
    .insert(db.tables.staff)
    .values(people.map((p) => ({ id: p.id, username: p.id, passwordHash: 'x', name: '王建国', role: p.role, unitCode: p.unit, regionCode: p.region, active: p.active ?? true, createdAt: now })))
  return { repository: createStaffNoticeRepository(db) }
}

describe.each(TEST_ENGINES)('who hears a staff notice, on %s', (engine) => {
  it('is the unit at the region itself when someone works there, in the roles asked for', async () => {
    const { repository } = await withStaff(engine, [
      { id: 's_street_office', role: 'office', unit: 'petition', region: 'jinshui.huayuanlu' },
      { id: 's_street_admin', role: 'admin', unit: 'petition', region: 'jinshui.huayuanlu' },
      { id: 's_district_office', role: 'office', unit: 'petition', region: 'jinshui' },
      { id: 's_gone', role: 'office', unit: 'petition', region: 'jinshui.huayuanlu', active: false },
    ])
    expect(await repository.recipients('petition', 'jinshui.huayuanlu', 'cosign_warning', ['office', 'supervisor', 'leader'])).toEqual(['s_street_office'])
  })

  it('is the nearest level above that has someone, when nobody of the unit works at the region', async () => {
    const { repository } = await withStaff(engine, [
      { id: 's_city_handler', role: 'handler', unit: 'urban', region: 'city' },
      { id: 's_other_unit', role: 'handler', unit: 'housing', region: 'jinshui' },
    ])
    expect(await repository.recipients('urban', 'jinshui.huayuanlu', 'due_soon', ['office', 'handler'])).toEqual(['s_city_handler'])
  })

  it('never goes up a level because the person at the region turned the kind off', async () => {
    const { repository } = await withStaff(engine, [
      { id: 's_street_office', role: 'office', unit: 'petition', region: 'jinshui.huayuanlu' },
      { id: 's_district_office', role: 'office', unit: 'petition', region: 'jinshui' },
    ])
    await repository.saveSettings('s_street_office', { ...DEFAULT_NOTICE_SETTINGS, cosignWarning: false }, now)
    expect(await repository.recipients('petition', 'jinshui.huayuanlu', 'cosign_warning', ['office'])).toEqual([])
    expect(await repository.recipients('petition', 'jinshui.huayuanlu', 'due_soon', ['office'])).toEqual(['s_street_office'])
  })

  it('answers the defaults until someone saves, then what they saved', async () => {
    const { repository } = await withStaff(engine, [{ id: 's_one', role: 'office', unit: 'petition', region: 'city' }])
    expect(await repository.settings('s_one')).toEqual(DEFAULT_NOTICE_SETTINGS)
    const mine = { cosignWarning: true, dueSoon: false, overdue: true, quietHours: { enabled: true, start: '21:30', end: '06:45' } }
    await repository.saveSettings('s_one', mine, now)
    await repository.saveSettings('s_one', { ...mine, overdue: false }, now)
    expect(await repository.settings('s_one')).toEqual({ ...mine, overdue: false })
  })
})
