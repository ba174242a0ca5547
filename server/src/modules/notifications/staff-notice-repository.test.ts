import { describe, expect, it } from 'vitest'
import { ensureReferenceData } from '../../db/reference-data'
import { staff } from '../../db/schema'
import { tempDatabases } from '../../db/temp-database'
import { createStaffNoticeRepository, DEFAULT_NOTICE_SETTINGS } from './staff-notice-repository'

const open = tempDatabases()
const now = new Date('2026-11-02T02:00:00Z')

function withStaff(people: { id: string; role: string; unit: string; region: string; active?: boolean }[]) {
  const { db, sqlite } = open()
  ensureReferenceData(db)
  db.insert(staff)
    .values(people.map((p) => ({ id: p.id, username: p.id, passwordHash: 'x', name: '王建国', role: p.role, unitCode: p.unit, regionCode: p.region, active: p.active ?? true, createdAt: now })))
    .run()
  return { repository: createStaffNoticeRepository(db), close: () => sqlite.close() }
}

describe('who hears a staff notice', () => {
  it('is the unit at the region itself when someone works there, in the roles asked for', () => {
    const { repository, close } = withStaff([
      { id: 's_street_office', role: 'office', unit: 'petition', region: 'jinshui.huayuanlu' },
      { id: 's_street_admin', role: 'admin', unit: 'petition', region: 'jinshui.huayuanlu' },
      { id: 's_district_office', role: 'office', unit: 'petition', region: 'jinshui' },
      { id: 's_gone', role: 'office', unit: 'petition', region: 'jinshui.huayuanlu', active: false },
    ])
    expect(repository.recipients('petition', 'jinshui.huayuanlu', 'cosign_warning', ['office', 'supervisor', 'leader'])).toEqual(['s_street_office'])
    close()
  })

  it('is the nearest level above that has someone, when nobody of the unit works at the region', () => {
    const { repository, close } = withStaff([
      { id: 's_city_handler', role: 'handler', unit: 'urban', region: 'city' },
      { id: 's_other_unit', role: 'handler', unit: 'housing', region: 'jinshui' },
    ])
    expect(repository.recipients('urban', 'jinshui.huayuanlu', 'due_soon', ['office', 'handler'])).toEqual(['s_city_handler'])
    close()
  })

  it('never goes up a level because the person at the region turned the kind off', () => {
    const { repository, close } = withStaff([
      { id: 's_street_office', role: 'office', unit: 'petition', region: 'jinshui.huayuanlu' },
      { id: 's_district_office', role: 'office', unit: 'petition', region: 'jinshui' },
    ])
    repository.saveSettings('s_street_office', { ...DEFAULT_NOTICE_SETTINGS, cosignWarning: false }, now)
    expect(repository.recipients('petition', 'jinshui.huayuanlu', 'cosign_warning', ['office'])).toEqual([])
    expect(repository.recipients('petition', 'jinshui.huayuanlu', 'due_soon', ['office'])).toEqual(['s_street_office'])
    close()
  })

  it('answers the defaults until someone saves, then what they saved', () => {
    const { repository, close } = withStaff([{ id: 's_one', role: 'office', unit: 'petition', region: 'city' }])
    expect(repository.settings('s_one')).toEqual(DEFAULT_NOTICE_SETTINGS)
    const mine = { cosignWarning: true, dueSoon: false, overdue: true, quietHours: { enabled: true, start: '21:30', end: '06:45' } }
    repository.saveSettings('s_one', mine, now)
    repository.saveSettings('s_one', { ...mine, overdue: false }, now)
    expect(repository.settings('s_one')).toEqual({ ...mine, overdue: false })
    close()
  })
})
