import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loginResident, loginStaff } from '../support/actors'
import { openH5, type H5Session } from './h5-browser'
import { H5_OUTPUT, stepper, useH5Stack } from './h5-stack'

const TRACKING_NO = /\d{4}-\d{4}-\d{4}/
/** 我的诉求 asks for this many cases a page (features/my-cases/api.ts) */
const MY_CASES_PAGE = 20

const h5Stack = useH5Stack()

/** The status chip at the top of a case, in the resident's words. */
const status = (h5: H5Session) => h5.current().locator('.chip').first().innerText()

describe('H5 in headless Chromium, against the real API and mocks', () => {
  it('a resident signs in, reports a problem with a photo, follows it to the reply and closes it with a rating', async () => {
    const { stack, photo } = h5Stack()
    const h5 = await openH5(stack.baseUrl, H5_OUTPUT)
    const { step, timings, report } = stepper(h5, 'resident')
    const name = `居民${Date.now().toString(36).slice(-4)}`
    let trackingNo = ''
    try {
      await step('home', async () => {
        await h5.open()
        await h5.see('有事您说话')
      })
      await step('dev-login', async () => {
        await h5.tapTab('我的')
        await h5.see('未登录')
        await h5.tapButton('登录')
        await h5.see('请登录')
        await h5.current().locator('input').first().fill(name)
      })
      await step('signed-in', async () => {
        await h5.tapButton('登录')
        await h5.see('当前登录')
        expect(await h5.text()).toContain('城市App账号 · 已实名认证')
      })
      await step('submit-form', async () => {
        await h5.tapTab('首页')
        await h5.current().getByText('我要反映').first().click()
        await h5.see('遇到了什么问题？')
      })
      await step('submit-filled', async () => {
        await h5.current().locator('textarea').fill('家里暖气片一直不热，室温只有十二度，老人孩子都冻感冒了，打热力公司电话一直占线。')
        await h5.current().getByText('点这里选择').click()
        await h5.pick('冬季供暖')
        await h5.current().getByText('选择区县').click()
        await h5.pick('金水区')
        await h5.current().getByText('选择街道或乡镇').click()
        await h5.pick('花园路街道')
        await h5.current().getByRole('textbox', { name: /详细地址/ }).fill('农业路东段18号院3号楼')
        // Taro's H5 chooseImage opens a hidden <input type=file>: hand it the photo
        const [chooser] = await Promise.all([h5.page.waitForEvent('filechooser'), h5.current().getByText('拍照/相册').click()])
        await chooser.element().setInputFiles(photo)
        await h5.see('已上传')
        const form = await h5.text()
        expect(form).toContain('冬季供暖')
        expect(form).toContain('金水区')
        expect(form).toContain('花园路街道')
      }, { fullPage: true })
      await step('submitted', async () => {
        await h5.tapButton('提交')
        await h5.see('提交成功')
        trackingNo = TRACKING_NO.exec(await h5.text())?.[0] ?? ''
        expect(trackingNo).toMatch(TRACKING_NO)
        expect(await h5.text()).toContain('郑州热力集团有限公司')
      })
      await step('my-cases', async () => {
        await h5.tapButton('回到首页')
        await h5.tapTab('我的诉求')
        await h5.see(trackingNo)
      })
      await step('detail-dispatched', async () => {
        await h5.current().getByText(trackingNo).click()
        await h5.see('办理过程')
        const detail = await h5.text()
        expect(detail).toContain(`查询码 ${trackingNo}`)
        expect(await status(h5)).toBe('已登记')
        expect(detail).toContain('自动派发')
        expect(detail).toContain('郑州热力集团有限公司')
        // the photo came back through the API's signed URL and actually loaded
        await expect.poll(() => h5.current().locator('.detail-photo img').evaluate((img) => img.naturalWidth)).toBeGreaterThan(0)
      }, { fullPage: true })

      await step('detail-replied', async () => {
        const caseId = new URL(h5.page.url().replace('/#/', '/')).searchParams.get('id')
        expect(caseId).toBeTruthy()
        const handler = await loginStaff(stack.api, 'heating.handler')
        const accepted = await stack.api.post(`/api/v1/cases/${caseId}/actions/accept`, {}, { token: handler.token })
        expect(accepted.status).toBe(200)
        const replied = await stack.api.post(
          `/api/v1/cases/${caseId}/actions/reply`,
          { text: '经上门检测，系楼内立管阀门故障，已于当日更换，室温恢复至20度。', outcome: 'supported' },
          { token: handler.token },
        )
        expect(replied.status).toBe(200)
        await h5.page.reload()
        await h5.see('答复意见')
        const detail = await h5.text()
        expect(detail).toContain('室温恢复至20度')
        expect(await status(h5)).toBe('已答复')
        expect(detail).toContain('对答复满意吗？')
      }, { fullPage: true })
      await step('rated-closed', async () => {
        await h5.current().getByText('满意', { exact: true }).click()
        await h5.tapButton('提交评价')
        await h5.see('您的评价')
        expect(await status(h5)).toBe('已办结')
        expect(await h5.text()).not.toContain('对答复满意吗？')
      }, { fullPage: true })
      expect(h5.problems()).toEqual([])
    } finally {
      console.log(report(`H5 resident flow (${name}, ${trackingNo})`))
      fs.writeFileSync(path.join(H5_OUTPUT, 'resident-timings.json'), JSON.stringify(timings, null, 2))
      await h5.close()
    }
  }, 180_000)

  it('a next page of 我的诉求 that fails says so, keeps the list, and its retry button brings the page once', async () => {
    const { stack } = h5Stack()
    const name = `翻页${Date.now().toString(36).slice(-4)}`
    const resident = await loginResident(stack.api, name)
    const trackingNos: string[] = []
    for (let i = 1; i <= MY_CASES_PAGE + 3; i++) {
      const created = await stack.api.post('/api/v1/cases', { content: `第${i}件：楼道里的灯坏了很久没人修，晚上看不见路。`, region: 'jinshui' }, { token: resident.token })
      expect(created.status).toBe(201)
      trackingNos.push(String(created.body.trackingNo))
    }
    const h5 = await openH5(stack.baseUrl, H5_OUTPUT)
    const nextPages: string[] = []
    // the next page's first request fails as a dropped connection would; later ones go through
    await h5.page.route(/\/api\/v1\/cases\?(.*&)?cursor=/, async (route) => {
      nextPages.push(route.request().url())
      await (nextPages.length === 1 ? route.abort('connectionreset') : route.continue())
    })
    const cards = h5.current().locator('.case-item')
    const toBottom = () => h5.current().evaluate((page) => page.scrollTo(0, page.scrollHeight))
    try {
      await h5.open()
      await h5.signIn(name)
      await h5.tapTab('我的诉求')
      await h5.see(trackingNos.at(-1)!)
      await expect.poll(() => cards.count()).toBe(MY_CASES_PAGE)

      // reaching the bottom asks for the next page, which fails
      await toBottom()
      await h5.see('加载失败，点此重试')
      expect(await h5.text()).toContain('网络不太好')
      await expect.poll(() => cards.count()).toBe(MY_CASES_PAGE)
      await h5.screenshot('my-cases-01-more-failed')
      // scrolling again does not ask again: only the button does
      await toBottom()
      await h5.settle()
      expect(nextPages).toHaveLength(1)

      await h5.tapButton('加载失败，点此重试')
      await h5.see('没有更多了')
      expect(nextPages).toHaveLength(2)
      expect(nextPages[1]).toBe(nextPages[0])
      const shown = await cards.allInnerTexts()
      expect(shown).toHaveLength(trackingNos.length)
      for (const no of trackingNos) expect(shown.filter((text) => text.includes(no))).toHaveLength(1)
      expect(await h5.text()).not.toContain('加载失败')
      await h5.screenshot('my-cases-02-retried')
      expect(h5.problems()).toEqual([])
    } finally {
      await h5.close()
    }
  }, 90_000)

  it('keeps a draft typed just before the page was reloaded', async () => {
    const h5 = await openH5(h5Stack().stack.baseUrl, H5_OUTPUT)
    const text = '楼下的路灯坏了一个月，晚上出门看不见路。'
    const field = () => h5.current().locator('textarea')
    try {
      await h5.open('/pages/submit/index')
      await h5.see('遇到了什么问题？')
      await field().fill(text)
      // at once: typing is written after a pause, leaving the page is written before it goes
      await h5.page.reload()
      await h5.see('遇到了什么问题？')
      await expect.poll(() => field().inputValue()).toBe(text)
      expect(h5.problems()).toEqual([])
    } finally {
      await h5.close()
    }
  }, 60_000)

  it('anyone follows a case with its tracking number, without signing in', async () => {
    const { stack } = h5Stack()
    const resident = await loginResident(stack.api, 'track-e2e')
    const created = await stack.api.post('/api/v1/cases', { content: '小区门口夜市占道经营，每天晚上堵到十二点，垃圾满地。', category: 'city_management', region: 'erqi' }, { token: resident.token })
    expect(created.status).toBe(201)
    const trackingNo = String(created.body.trackingNo)

    const h5 = await openH5(stack.baseUrl, H5_OUTPUT)
    try {
      await h5.open()
      await h5.current().getByText('查进度').first().click()
      await h5.see('输入12位查询码')
      // the page's one input; residents type the digits, with or without the dashes
      await h5.current().locator('input').first().fill(trackingNo.replace(/-/g, ''))
      await h5.screenshot('track-01-number')
      await h5.tapButton('查询')
      await h5.see('办理过程')
      const shown = await h5.text()
      expect(shown).toContain(trackingNo)
      expect(shown).toContain('自动派发')
      expect(await status(h5)).toBe('已登记')
      await h5.screenshot('track-02-status', { fullPage: true })
      expect(h5.problems()).toEqual([])
    } finally {
      await h5.close()
    }
  }, 60_000)

  it('fits a 320 px wide phone, and large-font mode makes the text bigger', async () => {
    const h5 = await openH5(h5Stack().stack.baseUrl, H5_OUTPUT, { width: 320, height: 640 })
    const fitsIn320 = async () => {
      const widths = await h5.widths()
      expect(widths.document).toBeLessThanOrEqual(320)
      expect(widths.page).toBeLessThanOrEqual(320)
    }
    // the tests' TypeScript has no DOM library: reach the browser's globals through the element
    const fontSize = (locator = h5.current().locator('.page').first()) =>
      locator.evaluate((el) => parseFloat(el.ownerDocument.defaultView.getComputedStyle(el).fontSize))
    try {
      await h5.open()
      await h5.see('有事您说话')
      await h5.screenshot('narrow-01-home', { fullPage: true })
      await fitsIn320()
      await h5.current().getByText('我要反映').first().click()
      await h5.see('遇到了什么问题？')
      await h5.screenshot('narrow-02-submit', { fullPage: true })
      await fitsIn320()

      await h5.page.goBack()
      await h5.settle()
      await h5.tapTab('我的')
      await h5.see('大字模式')
      const hint = h5.current().getByText('字更大，看得更清楚')
      const before = { page: await fontSize(), hint: await fontSize(hint) }
      await h5.current().getByRole('checkbox').click()
      await expect.poll(() => fontSize()).toBeGreaterThan(before.page)
      expect(await fontSize(hint)).toBeGreaterThan(before.hint)
      await h5.screenshot('narrow-03-large-font')
      // the setting holds on every page, not just where it was switched on
      await h5.tapTab('首页')
      expect(await fontSize()).toBeGreaterThan(before.page)
      await fitsIn320()
      await h5.screenshot('narrow-04-home-large-font', { fullPage: true })
      expect(h5.problems()).toEqual([])
    } finally {
      await h5.close()
    }
  }, 60_000)
})
