import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginResident } from '../support/actors'
import { fakeClock, startStack, type Stack } from '../support/stack'

// A year the calendar library does not know: the city supplies its National Day week from the
// State Council's notice (a made-up one for 2099), and the acceptance clock steps over it.
const clock = fakeClock('2099-09-28T02:00:00Z') // Monday 10:00 in Zhengzhou
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holidays-'))
const file = path.join(dir, 'holidays.json')
let stack: Stack

beforeAll(async () => {
  fs.writeFileSync(file, JSON.stringify({ holidays: ['2099-10-01', '2099-10-02', '2099-10-05', '2099-10-06', '2099-10-07'], workdays: [] }))
  stack = await startStack({ clock, env: { HOLIDAY_CALENDAR_FILE: file } })
})
afterAll(async () => {
  await stack.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('HOLIDAY_CALENDAR_FILE', () => {
  it('makes the notice\'s holidays count as days off in every deadline', async () => {
    const resident = await loginResident(stack.api, 'holiday-2099')
    const created = await stack.api.post('/api/v1/cases', { content: '小区门口的路灯坏了一个月没人修。', category: 'city_management', region: 'huiji' }, { token: resident.token })
    // 9/29, 9/30, (10/1–10/7 off), 10/8, 10/9, then five a week: the 15th working day is Monday 10/26;
    // with weekends alone it would have been 10/19
    expect(created.body.deadlines.acceptBy).toBe('2099-10-26T15:59:59.999Z')
  })

  it('refuses to start on a malformed calendar rather than compute wrong deadlines', async () => {
    fs.writeFileSync(file, JSON.stringify({ holidays: ['2099/10/01'], workdays: [] }))
    await expect(startStack({ clock, env: { HOLIDAY_CALENDAR_FILE: file } })).rejects.toThrow(/HOLIDAY_CALENDAR_FILE/)
  })
})
