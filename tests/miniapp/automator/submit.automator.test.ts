import automator from 'miniprogram-automator'
import type { TextareaElement } from 'miniprogram-automator/out/Element'
import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import type Page from 'miniprogram-automator/out/Page'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REGIONS } from '@xinfang/shared/catalog'
import { CATEGORIES } from '@xinfang/shared/categories'
import { loginResident, TINY_JPEG } from '../../support/actors'
import { createClient } from '../../support/client'
import { COMPLAINT } from '../resident-steps'
import { assertReady, findDevtools, PROJECT_ROOT } from './devtools'

// The same submit flow in the real WeChat runtime (DevTools' simulator) through
// miniprogram-automator. DevTools exist for Windows and macOS only; elsewhere this is skipped,
// saying why, and the Node harness (../weapp-flow.test.ts) covers the compiled code instead.
const { cliPath, skip } = findDevtools()
if (skip) console.info(`tests/miniapp/automator/submit.automator.test.ts skipped: ${skip}`)

// DevTools run the bundle as built, so the API must answer at the compiled base: `npm start`
const API_BASE = process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000'
const api = createClient(API_BASE)

// runs inside the mini-program: a real file the simulator's uploadFile can read
const WRITE_PHOTO = `function (base64) {
  var path = wx.env.USER_DATA_PATH + '/automator-photo.jpg'
  wx.getFileSystemManager().writeFileSync(path, base64, 'base64')
  return path
}`

let mp: MiniProgram

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const pageAt = (route: string) => until(`page ${route}`, async () => ((await mp.currentPage())?.path === route ? mp.currentPage() : null)) as Promise<Page>

async function tapByText(page: Page, selector: string, text: string) {
  for (const element of await page.$$(selector)) if ((await element.text()).includes(text)) return element.tap()
  throw new Error(`no ${selector} with text ${text} on ${page.path}`)
}

describe.skipIf(!cliPath)(`WeChat DevTools: the submit flow (miniprogram-automator)${skip ? ` — skipped: ${skip}` : ''}`, { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await assertReady(API_BASE)
    mp = await automator.launch({ cliPath: cliPath ?? undefined, projectPath: PROJECT_ROOT })
    // DevTools' own wx.login code means nothing to the platform mocks; theirs is dev:<name>
    await mp.mockWxMethod('login', { code: 'dev:automator', errMsg: 'login:ok' })
  }, 180_000)
  afterAll(async () => {
    await mp?.close()
  })

  it('signs in, uploads a photo, submits and shows the tracking number', async () => {
    const home = (await mp.reLaunch('/pages/index/index'))!
    await home.waitFor('.home-actions__primary')
    await tapByText(home, '.tile', '我的诉求')
    await until('a session', async () => (await mp.callWxMethod('getStorageSync', 'xinfang.session')) !== '')

    await mp.switchTab('/pages/index/index')
    await (await (await pageAt('pages/index/index')).$('.home-actions__primary'))!.tap()
    const form = await pageAt('pages/submit/index')
    await form.waitFor('textarea')
    // automator hands back its TextareaElement for a textarea tag
    await ((await form.$('textarea')) as TextareaElement).input(COMPLAINT)
    const [category, region] = await form.$$('picker')
    await category.trigger('change', { value: CATEGORIES.findIndex((c) => c.code === 'heating') + 1 })
    await region.trigger('change', { value: REGIONS.findIndex((r) => r.code === 'jinshui') })
    const street = await until('the street picker', async () => (await form.$$('picker'))[2])
    await street.trigger('change', { value: 0 })

    const photo = (await mp.evaluate(WRITE_PHOTO, TINY_JPEG.toString('base64'))) as string
    await mp.mockWxMethod('chooseImage', { tempFilePaths: [photo], tempFiles: [{ path: photo, size: TINY_JPEG.length }], errMsg: 'chooseImage:ok' })
    await (await form.$('.photo--add'))!.tap()
    await form.waitFor('.photo__done')

    await tapByText(form, 'button', '提交')
    const result = await pageAt('pages/submit-result/index')
    await result.waitFor('.result-head__no')
    const trackingNo = await (await result.$('.result-head__no'))!.text()
    expect(trackingNo).toMatch(/^\d{4}-\d{4}-\d{4}$/)
    const lines = await Promise.all((await result.$$('.result-line')).map((e: { text(): Promise<string> }) => e.text()))
    expect(lines.join('')).toContain('郑州热力集团有限公司')

    const session = JSON.parse(await mp.callWxMethod('getStorageSync', 'xinfang.session')) as { state: { token: string } }
    const seen = await api.get(`/api/v1/cases/${result.query.id}`, { token: session.state.token })
    expect(seen.status).toBe(200)
    expect(seen.body.attachments).toHaveLength(1)
  })

  it('opens the track page with a scanned tracking number', async () => {
    const resident = await loginResident(api, 'automator-scan')
    const created = await api.post('/api/v1/cases', { content: '小区门口的路灯坏了好几天，晚上很黑', region: 'jinshui' }, { token: resident.token })
    await mp.mockWxMethod('scanCode', { result: created.body.trackingNo, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' })
    const home = (await mp.reLaunch('/pages/index/index'))!
    await home.waitFor('.home-actions__primary')
    await tapByText(home, '.tile', '扫一扫')
    const track = await pageAt('pages/track/index')
    expect(track.query.no).toBe(String(created.body.trackingNo).replace(/-/g, ''))
    await track.waitFor('.track-status')
    expect(await (await track.$('.track-status'))!.text()).toBeTruthy()
  })
})
