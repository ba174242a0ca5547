import { PNG } from 'pngjs'
import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { loginResident } from '../support/actors'
import { flowFixture } from './harness/flow-fixture'
import type { MiniPage } from './harness/mini-page'
import { exchange, qrTextOf, saveCodeRefusedThenAllowed } from './resident-steps'

// Joint complaints (联名) in the compiled WeChat mini-program: a WeChat resident is not real-name
// verified, so both registering and co-signing go through the getPhoneNumber button first; the
// representative saves the code into the album.
const flow = flowFixture('weapp')

const CONTENT = '小区北门外的工地每天夜里施工到凌晨两点，噪音很大，老人孩子都睡不好。'
const unique = () => Date.now().toString(36).slice(-5)

/** Every exchange with this method and path (the flows below send some twice on purpose). */
const exchanges = (method: string, path: string) => flow.app.http.filter((x) => x.method === method && x.path.split('?')[0] === path)

/** The last element showing exactly these words: the button, not a heading saying the same. */
const lastExactly = (page: MiniPage, words: string) => {
  const found = page.findAll(new RegExp(`^${words}$`))
  if (!found.length) throw new Error(`no "${words}" on ${page.route}:\n${page.text()}`)
  return found[found.length - 1]!
}

/**
 * What WeChat hands the page when the resident allows sharing their number: a one-time code
 * (`dev-phone:<name>` is what the WeChat mock redeems).
 */
async function allowPhoneNumber(page: MiniPage, name: string) {
  await flow.app.waitFor('the phone-number button', () => page.find({ className: 'phone-verify__button' }))
  page.fire(page.get({ className: 'phone-verify__button' }), 'getphonenumber', { errMsg: 'getPhoneNumber:ok', code: `dev-phone:${name}` })
  await flow.app.settle()
  expect(exchange(flow.app, 'POST', '/api/v1/auth/phone').status).toBe(200)
}

/** A city-app representative (real-name verified) registers one through the API. */
async function startCampaign() {
  const rep = await loginResident(flow.stack.api, `wx-scan-rep-${unique()}`, 'cityapp')
  const created = await flow.stack.api.post('/api/v1/cosign', { content: CONTENT, region: 'jinshui' }, { token: rep.token, headers: { 'Idempotency-Key': `weapp-cosign-${rep.user.id}` } })
  expect(created.status).toBe(201)
  return created.body as { token: string; qr: { weapp: string } }
}

describe('WeChat mini-program: joint complaints', () => {
  it('registers one from the home page, verifying the phone number when the API asks, shows the WeChat code and saves it to the album', async () => {
    const user = `wx-rep-${unique()}`
    const app = await flow.launch({ user })
    app.page().tap({ className: 'tile', text: '发起联名' })
    await app.waitFor('the form', () => app.page().route === 'pages/cosign-create/index' && app.page().find('遇到了什么问题？'))
    const form = app.page()
    expect(form.text()).not.toContain('匿名反映')
    form.input({ tag: 'textarea' }, CONTENT)
    await app.waitFor('the length counter to accept the text', () => form.find('可以了'))
    form.tap(lastExactly(form, '发起联名'))
    await app.settle()

    const [refused] = exchanges('POST', '/api/v1/cosign')
    expect(refused?.status).toBe(403)
    expect(form.text()).toContain((refused!.response as { message: string }).message)
    // once verified, the form sends again by itself, with the same key: the 403 used none
    await allowPhoneNumber(form, user)
    await app.waitFor('the code', () => app.page().find('联名已发起'))
    const sent = exchanges('POST', '/api/v1/cosign')
    expect(sent.map((x) => x.status)).toEqual([403, 201])
    expect(sent[1]!.headers['idempotency-key']).toBe(sent[0]!.headers['idempotency-key'])

    const created = sent[1]!.response as { token: string; trackingNo: string; qr: { weapp: string } }
    const shown = app.page()
    expect(shown.route).toBe('pages/cosign-create/index')
    expect(shown.get({ className: 'cosign-created__no' }).text).toBe(created.trackingNo)
    expect(String(shown.get({ className: 'qr-card__image' }).props.src)).toBe(`http://127.0.0.1:3000${created.qr.weapp}`)

    const view = await flow.stack.api.get(`/api/v1/cosign/${created.token}`)
    expect(view.body).toMatchObject({ count: 1, open: true })

    const modals = app.callsTo('showModal').length
    const saved = await saveCodeRefusedThenAllowed(app, shown, created.qr.weapp)
    // the refusal was explained in words before the settings opened
    const explained = app.callsTo('showModal').slice(modals).map((c) => c.args[0] as { title: string; content: string; confirmText: string })
    expect(explained).toEqual([expect.objectContaining({ title: '需要相册权限', confirmText: '去设置' })])
    expect(explained[0]!.content).toContain('设置')
    expect(qrTextOf(saved)).toContain(`pages/cosign/index?scene=`)
  })

  it('opens from a scanned code (scene) signed in already, and one tap on the phone button verifies and co-signs', async () => {
    const { token } = await startCampaign()

    const user = `wx-neighbour-${unique()}`
    // WeChat hands the page the code's scene URL-encoded
    const app = await flow.launch({ user, entry: `/pages/cosign/index?scene=${encodeURIComponent(token)}` })
    const page = app.page()
    expect(page.route).toBe('pages/cosign/index')
    await app.waitFor('the count', () => page.find({ className: 'cosign-count__number' }))
    expect(page.get({ className: 'cosign-count__number' }).text).toBe('1')
    // signed in silently on opening, so the page knows this resident has no verified phone yet:
    // the phone button is the one step, not a 联名 button the API could only refuse
    expect(exchange(app, 'POST', '/api/v1/auth/wechat').status).toBe(200)
    expect(exchange(app, 'GET', `/api/v1/cosign/${token}`).headers.authorization).toMatch(/^Bearer /)
    expect(page.findAll(/^联名$/)).toEqual([])
    expect(lastExactly(page, '验证手机号并联名')).toBeDefined()
    expect(exchanges('POST', `/api/v1/cosign/${token}/sign`)).toEqual([])

    await allowPhoneNumber(page, user)
    await app.waitFor('the signature', () => page.find('✓ 您已联名'))
    expect(exchanges('POST', `/api/v1/cosign/${token}/sign`).map((x) => x.status)).toEqual([201])
    expect(page.get({ className: 'cosign-count__number' }).text).toBe('2')
    expect((await flow.stack.api.get(`/api/v1/cosign/${token}`)).body.count).toBe(2)
  })

  it('shows a resident who signed already that they have, without a 联名 to tap', async () => {
    const { token } = await startCampaign()
    const user = `wx-signed-${unique()}`
    const neighbour = await loginResident(flow.stack.api, user, 'wechat')
    await flow.stack.api.post('/api/v1/auth/phone', { platform: 'wechat', code: `dev-phone:${user}` }, { token: neighbour.token })
    expect((await flow.stack.api.post(`/api/v1/cosign/${token}/sign`, {}, { token: neighbour.token })).status).toBe(201)

    const app = await flow.launch({ user, entry: `/pages/cosign/index?scene=${encodeURIComponent(token)}` })
    await app.waitFor('the signature', () => app.page().find('✓ 您已联名'))
    expect(app.page().findAll(/^联名$/)).toEqual([])
    expect(app.page().get({ className: 'cosign-count__number' }).text).toBe('2')
  })

  it("opens the co-sign page when the home scanner reads the WeChat code the API serves", async () => {
    const { token, qr } = await startCampaign()
    const image = await fetch(`${flow.stack.baseUrl}${qr.weapp}`)
    expect(image.status).toBe(200)
    const png = PNG.sync.read(Buffer.from(await image.arrayBuffer()))
    // the WeChat mock draws a readable QR code of what a real 小程序码 opens: page and scene
    const text = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? ''
    expect(text).toContain('pages/cosign/index?scene=')
    const app = await flow.launch({ scanResult: text })
    app.page().tap('扫一扫')
    await app.waitFor('the co-sign page', () => app.page().route === 'pages/cosign/index' && app.page().find({ className: 'cosign-count__number' }))
    expect(app.page().query.t).toBe(token)
  })
})
