import fs from 'node:fs'
import { PNG } from 'pngjs'
import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { loginResident } from '../support/actors'
import { openH5, type H5Session } from './h5-browser'
import { H5_OUTPUT, stepper, useH5Stack } from './h5-stack'

// Joint complaints (联名) in the H5 app: a neighbour opens the link a code carries, signs in the
// city-app way (dev-login here, as there is no city-app bridge in a test browser), comes back and
// signs with one tap, and withdraws; the representative downloads the code and ends the signing.

const h5Stack = useH5Stack()

interface CosignCreated {
  token: string
  trackingNo: string
  qr: { weapp: string; alipay: string; h5: string }
  h5Url: string
}

const unique = () => Date.now().toString(36).slice(-4)

/** A city-app resident (real-name verified) registers a joint complaint through the API. */
async function startCampaign(representative: string): Promise<CosignCreated> {
  const { stack } = h5Stack()
  const rep = await loginResident(stack.api, representative, 'cityapp')
  const created = await stack.api.post(
    '/api/v1/cosign',
    { content: '小区北门外的工地每天夜里施工到凌晨两点，噪音很大，老人孩子都睡不好。', category: 'pollution', region: 'jinshui', street: 'jinshui.huayuanlu' },
    { token: rep.token, headers: { 'Idempotency-Key': `cosign-e2e-${rep.user.id}` } },
  )
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return created.body as CosignCreated
}

/**
 * The page a scan of the H5 code opens. The API prints its configured public address
 * (PUBLIC_BASE_URL) in the link; the test stack listens elsewhere, so the link's hash route is
 * opened on the stack, which is what the city app would load from the real address.
 */
const hashRouteOf = (h5Url: string) => new URL(h5Url).hash.replace(/^#/, '')

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** What a QR picture reads. */
const qrText = (bytes: Buffer) => {
  const png = PNG.sync.read(bytes)
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
}

/** The big number on the page. */
const countOn = (h5: H5Session) => h5.current().locator('.cosign-count__number').innerText()

/** Signs in on the dev-login page the app opened, as the city app's bridge would do silently. */
async function signInAs(h5: H5Session, name: string) {
  await h5.see('请登录')
  await h5.current().locator('input').first().fill(name)
  await h5.tapButton('登录')
  await h5.settle()
}

/** Taro's H5 modal: the confirm button in its footer. */
async function confirmModal(h5: H5Session, text: string) {
  const modal = h5.page.locator('.taro-modal__foot')
  await modal.getByText(text, { exact: true }).click()
  await modal.waitFor({ state: 'hidden' })
}

describe('joint complaints in H5, in headless Chromium against the real API', () => {
  it('serves an H5 code that decodes to the scan link', async () => {
    const campaign = await startCampaign(`联名码${unique()}`)
    const res = await fetch(`${h5Stack().stack.baseUrl}${campaign.qr.h5}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(qrText(Buffer.from(await res.arrayBuffer()))).toBe(campaign.h5Url)
    expect(hashRouteOf(campaign.h5Url)).toBe(`/pages/cosign/index?t=${encodeURIComponent(campaign.token)}`)
  })

  it('a neighbour opens the link, signs in, comes back and co-signs with one tap (1 → 2), and withdraws (2 → 1)', async () => {
    const campaign = await startCampaign(`发起人${unique()}`)
    const h5 = await openH5(h5Stack().stack.baseUrl, H5_OUTPUT)
    // every signature the page sends, with the API's answer
    const signs: number[] = []
    h5.page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.url().endsWith('/sign')) signs.push(response.status())
    })
    const signButton = () => h5.current().locator('taro-button-core', { hasText: /^联名$/ })
    const { step, report } = stepper(h5, 'cosign')
    try {
      await step('opened', async () => {
        await h5.open(hashRouteOf(campaign.h5Url))
        await h5.see('人联名')
        expect(await countOn(h5)).toBe('1')
        const page = await h5.text()
        expect(page).toContain('工地每天夜里施工')
        expect(page).toContain('正在联名')
        // the public page names no one: not the representative, not their tracking number
        expect(page).not.toContain('发起人')
        expect(page).not.toContain(campaign.trackingNo)
        // no session, and a browser cannot sign in by itself: the button says the login comes first
        expect(await signButton().count()).toBe(0)
      }, { fullPage: true })
      await step('dev-login', async () => {
        await h5.tapButton('登录后联名')
        await h5.see('请登录')
      })
      await step('back-signed-in', async () => {
        await signInAs(h5, `邻居${unique()}`)
        await h5.see('人联名')
        // back and ready: nothing was signed on the resident's behalf
        await signButton().waitFor()
        expect(await countOn(h5)).toBe('1')
        expect(signs).toEqual([])
      })
      await step('signed', async () => {
        await signButton().click()
        await h5.see('您已联名')
        expect(await countOn(h5)).toBe('2')
        // one tap, one signature, accepted at once
        expect(signs).toEqual([201])
      }, { fullPage: true })
      await step('refreshed', async () => {
        // a reload asks the API again: the count and "signed" come from the server, not the page's memory
        await h5.page.reload()
        await h5.see('您已联名')
        expect(await countOn(h5)).toBe('2')
      })
      await step('withdrawn', async () => {
        await h5.tapButton('撤回联名')
        await confirmModal(h5, '撤回')
        await signButton().waitFor()
        expect(await countOn(h5)).toBe('1')
        expect(await h5.text()).not.toContain('您已联名')
      }, { fullPage: true })
      expect(h5.problems()).toEqual([])
    } finally {
      console.log(report(`H5 co-sign flow (${campaign.trackingNo})`))
      await h5.close()
    }
  }, 120_000)

  it('inside the city app, its bridge signs the neighbour in on opening, and the first tap signs', async () => {
    const campaign = await startCampaign(`城市App${unique()}`)
    const h5 = await openH5(h5Stack().stack.baseUrl, H5_OUTPUT)
    const signs: number[] = []
    const logins: number[] = []
    h5.page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.url().endsWith('/sign')) signs.push(response.status())
      if (response.url().endsWith('/api/v1/auth/cityapp')) logins.push(response.status())
    })
    try {
      // what the city app's container injects before the page runs (city-app-bridge.ts); the
      // mocks accept a dev: ticket as a real-name verified citizen
      const neighbour = `市民${unique()}`
      await h5.page.addInitScript((ticket) => Object.assign(globalThis, { CityAppBridge: { getTicket: async () => ticket } }), `dev:${neighbour}`)
      await h5.open(hashRouteOf(campaign.h5Url))
      const signButton = h5.current().locator('taro-button-core', { hasText: /^联名$/ })
      await signButton.waitFor()
      expect(await h5.text()).not.toContain('请登录')
      // signed in on opening, before any tap, so the page already knows this resident
      expect(logins).toEqual([200])
      expect(signs).toEqual([])
      await signButton.click()
      await h5.see('您已联名')
      expect(await countOn(h5)).toBe('2')
      expect(signs).toEqual([201])
      expect(h5.problems()).toEqual([])
    } finally {
      await h5.close()
    }
  }, 90_000)

  it('the representative sees the code instead of the button, downloads it as a PNG, and ends the signing', async () => {
    const representative = `代表${unique()}`
    const campaign = await startCampaign(representative)
    const h5 = await openH5(h5Stack().stack.baseUrl, H5_OUTPUT)
    try {
      await h5.open()
      await h5.tapTab('我的')
      await h5.tapButton('登录')
      await signInAs(h5, representative)
      await h5.open(hashRouteOf(campaign.h5Url))
      await h5.see('您是这件联名的发起人')
      expect(await h5.current().locator('taro-button-core', { hasText: /^联名$/ }).count()).toBe(0)
      // the H5 code, served by the API at the path the app builds, actually loaded
      await expect.poll(() => h5.current().locator('.qr-card__image img').evaluate((img) => (img as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0)
      await h5.screenshot('cosign-representative', { fullPage: true })

      const [download] = await Promise.all([h5.page.waitForEvent('download'), h5.tapButton('下载图片')])
      const { title } = (await h5Stack().stack.api.get(`/api/v1/cosign/${campaign.token}`)).body as { title: string }
      expect(download.suggestedFilename()).toMatch(/^联名二维码-\S+\.png$/)
      expect(download.suggestedFilename()).toContain(title.replace(/\s+/g, '').slice(0, 6))
      const file = await download.path()
      const bytes = fs.readFileSync(file)
      expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE)
      expect(qrText(bytes)).toBe(campaign.h5Url)

      await h5.tapButton('结束联名')
      await confirmModal(h5, '结束联名')
      await h5.see('发起人已结束联名')
      expect(await h5.current().locator('.qr-card').count()).toBe(0)
      await h5.screenshot('cosign-closed', { fullPage: true })
      expect(h5.problems()).toEqual([])
    } finally {
      await h5.close()
    }
  }, 90_000)
})
