import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginResident, loginStaff } from '../support/actors'
import { fakeClock, startStack, type Stack } from '../support/stack'

// 2098 is a year the city has the notice for; 2099 is not, until the second start brings it.
// A case registered on Monday 22 December 2098 has its 15-working-day acceptance clock run into
// January 2099: counted on weekends alone it ends Monday 12 January, and is provisional.
const clock = fakeClock('2098-12-22T02:00:00Z')
const KNOWN_2098 = { holidays: ['2098-10-01', '2098-10-02', '2098-10-03'], workdays: [] }
// the later notice: 1–2 January 2099 off, Sunday 4 January worked instead (and its National Day)
const NOTICE_2099 = { holidays: [...KNOWN_2098.holidays, '2099-01-01', '2099-01-02', '2099-10-01', '2099-10-02'], workdays: ['2099-01-04'] }

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holidays-'))
const calendarFile = path.join(dir, 'holidays.json')
let stack: Stack

beforeAll(async () => {
  fs.writeFileSync(calendarFile, JSON.stringify(KNOWN_2098))
  stack = await startStack({ clock, env: { HOLIDAY_CALENDAR_FILE: calendarFile } })
})
afterAll(async () => {
  await stack.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('deadlines counted into a year whose holidays are unknown', () => {
  let caseId: string
  let trackingNo: string
  let residentToken: string

  it('are marked provisional on the case page, in tracking and in the workbench', async () => {
    const resident = await loginResident(stack.api, 'provisional-2099')
    residentToken = resident.token
    const created = await stack.api.post('/api/v1/cases', { content: '小区门口的路灯坏了一个月没人修。', category: 'city_management', region: 'huiji' }, { token: resident.token })
    expect(created.status).toBe(201)
    caseId = created.body.id
    trackingNo = created.body.trackingNo
    expect(created.body.deadlines.acceptBy).toBe('2099-01-12T15:59:59.999Z')
    expect(created.body.deadlines.provisional).toEqual(['acceptBy'])

    const detail = await stack.api.get(`/api/v1/cases/${caseId}`, { token: resident.token })
    expect(detail.body.deadlines.provisional).toEqual(['acceptBy'])
    const tracked = await stack.api.get(`/api/v1/track/${trackingNo.replace(/\D/g, '')}`)
    expect(tracked.status).toBe(200)
    expect(tracked.body.deadlines.provisional).toEqual(['acceptBy'])
    const office = await loginStaff(stack.api, 'city.office')
    const staffView = await stack.api.get(`/api/v1/cases/${caseId}`, { token: office.token })
    expect(staffView.status).toBe(200)
    expect(staffView.body.deadlines.provisional).toEqual(['acceptBy'])
  })

  it('are not provisional when the whole span lies in known years', async () => {
    const resident = await loginResident(stack.api, 'provisional-2098')
    clock.set('2098-11-02T02:00:00Z')
    const created = await stack.api.post('/api/v1/cases', { content: '楼下商户占道经营，堵住了消防通道。', category: 'city_management', region: 'huiji' }, { token: resident.token })
    clock.set('2098-12-22T02:00:00Z')
    expect(created.status).toBe(201)
    expect(created.body.deadlines.acceptBy.startsWith('2098-11-')).toBe(true)
    expect(created.body.deadlines.provisional).toEqual([])
  })

  it('are counted again at the start that brings the notice, with a timeline entry and a notice', async () => {
    fs.writeFileSync(calendarFile, JSON.stringify(NOTICE_2099))
    // the calendar is read at start
    await stack.restart()

    const detail = await stack.api.get(`/api/v1/cases/${caseId}`, { token: residentToken })
    expect(detail.status).toBe(200)
    // 23–31 December: 7 working days; 1–2 January off; Sunday 4 January is the 8th; the 15th is Tuesday 13 January
    expect(detail.body.deadlines.acceptBy).toBe('2099-01-13T15:59:59.999Z')
    expect(detail.body.deadlines.provisional).toEqual([])
    const entry = detail.body.timeline.find((e: { action: string }) => e.action === 'deadlines_recounted')
    expect(entry?.note).toContain('2099-01-12 → 2099-01-13')
    expect(entry?.data.changes).toEqual([{ deadline: 'acceptBy', from: '2099-01-12T15:59:59.999Z', to: '2099-01-13T15:59:59.999Z' }])

    // the resident hears of it through the outbox like any other change of what they were promised
    await stack.mocks.clearCalls()
    expect((await stack.app.outbox.runOnce()).sent).toBe(1)
    const pushes = (await stack.mocks.calls('cityapp')).filter((call) => JSON.stringify(call.body).includes('办理期限已重新计算'))
    expect(pushes).toHaveLength(1)

    // counting again is done once: a further start finds nothing provisional and moves nothing
    expect(await stack.app.jobs.recountProvisionalDeadlines()).toEqual({ checked: 0, moved: 0 })
  })
})
