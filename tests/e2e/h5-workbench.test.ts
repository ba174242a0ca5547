import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loginResident } from '../support/actors'
import { DEMO_PASSWORD } from '../support/stack'
import { openH5, type H5Session } from './h5-browser'
import { H5_OUTPUT, stepper, useH5Stack } from './h5-stack'

const h5Stack = useH5Stack()

const REPLY = '经现场核查，小区东门外的占道摊点已全部清理，城管中队每晚巡查；夜间噪音问题已责成物业加装隔音围挡。'

/** Opens the form of one action on the workbench case page by its exact label. */
const openAction = (h5: H5Session, label: string) => h5.current().locator('.wb-action__button').getByText(label, { exact: true }).click()

/** From the resident app's 我的 to a filled-in workbench login form. */
async function fillStaffLogin(h5: H5Session, username: string) {
  await h5.open()
  await h5.tapTab('我的')
  await h5.current().getByText('工作人员入口').click()
  await h5.see('供各级信访部门')
  await h5.current().locator('input').nth(0).fill(username)
  await h5.current().locator('input[type=password]').fill(DEMO_PASSWORD)
}

describe('the staff workbench in H5, against the real API and mocks', () => {
  it('a district office accepts, assigns and replies to a resident case found in 待受理; the resident sees each step', async () => {
    const { stack } = h5Stack()
    const name = `居民${Date.now().toString(36).slice(-4)}`
    const resident = await loginResident(stack.api, name)
    const created = await stack.api.post(
      '/api/v1/cases',
      { content: '小区东门外每天晚上有流动摊点占道经营，油烟和噪音到半夜，老人孩子都休息不好。', category: 'city_management', region: 'jinshui', street: 'jinshui.huayuanlu' },
      { token: resident.token },
    )
    expect(created.status).toBe(201)
    const trackingNo = String(created.body.trackingNo)

    const staff = await openH5(stack.baseUrl, H5_OUTPUT)
    const { step, timings, report } = stepper(staff, 'workbench')
    let assignedTo = ''
    try {
      await step('entry', () => fillStaffLogin(staff, 'jinshui.office'))
      await step('home', async () => {
        await staff.tapButton('登录工作台')
        await staff.see('今日新增')
        await staff.see(trackingNo)
        const home = await staff.text()
        expect(home).toContain('金水区信访局')
        expect(home).toContain('待受理')
        expect(home).toContain('即将超期')
        expect(home).toContain('已超期')
        expect(staff.page.url()).toContain('/workbench/pages/home/index')
      }, { fullPage: true })
      await step('case', async () => {
        await staff.current().getByText(trackingNo).click()
        await staff.see('反映人')
        const page = await staff.text()
        expect(page).toContain('查看完整号码')
        expect(page).toContain('受理')
      }, { fullPage: true })
      await step('revealed', async () => {
        const masked = await staff.current().locator('.wb-pii__value').nth(1).innerText()
        expect(masked).toMatch(/^1\d{2}\*{4}\d{4}$/)
        await staff.current().getByText('查看完整号码').first().click()
        await staff.see('本次查看已留痕记录')
        expect(await staff.current().locator('.wb-pii__value').nth(1).innerText()).toMatch(/^1\d{10}$/)
      })
      await step('accepted', async () => {
        await openAction(staff, '受理')
        await staff.tapButton('确认受理')
        await staff.current().locator('.chip', { hasText: '办理中' }).first().waitFor()
        await staff.current().locator('.wb-action__button').getByText('交办', { exact: true }).waitFor()
      })
      await step('assign-form', async () => {
        await openAction(staff, '交办')
        await staff.see('职能部门和单位')
        const option = staff.current().locator('.wb-assignees').first().locator('.wb-option').first()
        assignedTo = (await option.innerText()).trim()
        await option.click()
      }, { fullPage: true })
      await step('assigned', async () => {
        await staff.tapButton('确认交办')
        await staff.current().locator('.wb-assignment__name', { hasText: assignedTo }).waitFor()
      })
      await step('reply-form', async () => {
        await openAction(staff, '出具答复意见')
        await staff.current().getByText('部分支持', { exact: true }).click()
        await staff.current().locator('.wb-form textarea').fill(REPLY)
      }, { fullPage: true })
      await step('replied', async () => {
        await staff.tapButton('确认出具答复意见')
        await staff.see('答复意见 · 部分支持')
        expect(await staff.current().locator('.chip').first().innerText()).toBe('已答复')
      }, { fullPage: true })
      await step('search', async () => {
        await staff.page.goBack()
        await staff.settle()
        await staff.current().locator('.wb-tabbar__item', { hasText: '搜索' }).click()
        await staff.settle()
        await staff.current().locator('input').first().fill(trackingNo)
        await staff.tapButton('搜索')
        await staff.see('按查询码找到 1 件诉求')
        expect(await staff.text()).toContain(assignedTo)
      })
      expect(staff.problems()).toEqual([])
    } finally {
      console.log(report(`H5 workbench flow (jinshui.office, ${trackingNo} -> ${assignedTo})`))
      fs.writeFileSync(path.join(H5_OUTPUT, 'workbench-timings.json'), JSON.stringify(timings, null, 2))
      await staff.close()
    }

    // the resident, on their own phone, signed in as the same person who submitted it
    const h5 = await openH5(stack.baseUrl, H5_OUTPUT)
    try {
      await h5.open()
      await h5.signIn(name)
      await h5.tapTab('我的诉求')
      await h5.see(trackingNo)
      // the list says how it ended, not only that it was answered
      expect(await h5.text()).toContain('部分支持')
      await h5.current().getByText(trackingNo).click()
      await h5.see('办理过程')
      const detail = await h5.text()
      expect(detail).toContain('答复意见')
      expect(detail).toContain(REPLY)
      expect(detail).toContain('部分支持')
      expect(detail).toContain(assignedTo)
      for (const entry of ['已受理', '交办', '已答复']) expect(detail).toContain(entry)
      await h5.screenshot('workbench-resident-reply', { fullPage: true })
      expect(h5.problems()).toEqual([])
    } finally {
      await h5.close()
    }
  }, 180_000)

  it('a staff member turns co-sign warnings and quiet hours off on 我的, and the server keeps it', async () => {
    const { stack } = h5Stack()
    const staff = await openH5(stack.baseUrl, H5_OUTPUT)
    try {
      await fillStaffLogin(staff, 'erqi.office')
      await staff.tapButton('登录工作台')
      await staff.see('今日新增')
      await staff.current().locator('.wb-tabbar__item', { hasText: '我的' }).click()
      await staff.settle()
      await staff.see('工作提醒')
      // signed in on H5, not from a mini-program: the notices go by SMS, to a masked number
      await staff.see(/短信到 1\d{2}\*{4}\d{4}/)
      await staff.current().locator('.wb-notice__row', { hasText: '联名预警' }).locator('taro-switch-core').click()
      await staff.see('从 22:00')
      await staff.current().locator('.wb-notice__row', { hasText: '免打扰' }).locator('taro-switch-core').click()
      await staff.current().locator('.wb-notice__time').waitFor({ state: 'detached' })
      await staff.screenshot('workbench-notice-settings', { fullPage: true })
      expect(staff.problems()).toEqual([])
    } finally {
      await staff.close()
    }
    const { token } = (await stack.api.post('/api/v1/auth/staff', { username: 'erqi.office', password: DEMO_PASSWORD })).body
    expect((await stack.api.get('/api/v1/workbench/notice-settings', { token })).body.settings).toMatchObject({ cosignWarning: false, dueSoon: true, quietHours: { enabled: false, start: '22:00', end: '07:00' } })
  }, 120_000)
})
