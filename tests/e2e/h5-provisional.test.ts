import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loginResident } from '../support/actors'
import { fakeClock } from '../support/stack'
import { openH5 } from './h5-browser'
import { H5_OUTPUT, useH5Stack } from './h5-stack'

// The server lives on Monday 22 December 2098, with 2098's holidays known and 2099's not: a
// new case's acceptance clock runs into January 2099, a year nobody has the notice for.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holidays-'))
const calendarFile = path.join(dir, 'holidays.json')
fs.writeFileSync(calendarFile, JSON.stringify({ holidays: ['2098-10-01', '2098-10-02', '2098-10-03'], workdays: [] }))
const h5Stack = useH5Stack({ clock: fakeClock('2098-12-22T02:00:00Z'), env: { HOLIDAY_CALENDAR_FILE: calendarFile } })
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('H5: a deadline counted into a year whose holidays are not published', () => {
  it('reads 暂定 on the case page, with why', async () => {
    const { stack } = h5Stack()
    const resident = await loginResident(stack.api, 'provisional-e2e')
    const created = await stack.api.post('/api/v1/cases', { content: '小区门口的路灯坏了一个月没人修。', category: 'city_management', region: 'huiji' }, { token: resident.token })
    expect(created.body.deadlines.provisional).toEqual(['acceptBy'])

    const h5 = await openH5(stack.baseUrl, H5_OUTPUT)
    try {
      await h5.open()
      await h5.current().getByText('查进度').first().click()
      await h5.see('输入12位查询码')
      await h5.current().locator('input').first().fill(String(created.body.trackingNo).replace(/-/g, ''))
      await h5.tapButton('查询')
      await h5.see('1月12日')
      const deadline = h5.current().locator('.deadline').filter({ hasText: '告知是否受理' })
      await expect(deadline.locator('.deadline__provisional').textContent()).resolves.toBe('暂定')
      expect(await h5.text()).toContain('2099年的节假日安排还没有公布，暂按周末推算')
      await h5.screenshot('provisional-01-track', { fullPage: true })
      expect(h5.problems()).toEqual([])
    } finally {
      await h5.close()
    }
  }, 60_000)
})
