import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { formatTrackingNo, generateTrackingNo } from '@xinfang/shared/tracking-number'
import { loginResident, loginStaff } from '../support/actors'
import { flowFixture } from './harness/flow-fixture'
import type { MiniApp } from './harness/launch'
import { COMPLAINT, createdCase, exchange, residentToken, signInThroughMyCases, submitHeatingComplaint } from './resident-steps'

// The compiled Alipay mini-program (miniapp/dist/alipay) in Node, `my` answering in Alipay's
// own shapes (harness/my.ts), so Taro's Alipay adapter is exercised, not bypassed.
const flow = flowFixture('alipay')

type Options = Record<string, unknown>
const optionsOf = (app: MiniApp, api: string) => app.callsTo(api).map((c) => c.args[0] as Options)

describe('Alipay mini-program: the submit flow over real HTTP', () => {
  it('signs in with my.getAuthCode, uploads a photo, submits with an Idempotency-Key and shows the tracking number', async () => {
    const app = await flow.launch({ user: 'ali-resident' })
    expect(app.page().text()).toContain('我要反映')

    await signInThroughMyCases(app)
    // Taro.login becomes my.getAuthCode with the silent scope; no wx-style login exists here
    expect(optionsOf(app, 'getAuthCode')).toEqual([expect.objectContaining({ scopes: 'auth_base' })])
    const auth = exchange(app, 'POST', '/api/v1/auth/alipay')
    expect({ body: auth.body, status: auth.status }).toEqual({ body: { authCode: 'dev:ali-resident' }, status: 200 })

    const result = await submitHeatingComplaint(app)

    expect(app.callsTo('chooseImage')).toHaveLength(1)
    expect(optionsOf(app, 'uploadFile')[0]).toMatchObject({ fileName: 'file', fileType: 'image', filePath: expect.stringMatching(/^https:\/\/resource\/apml/) })
    const uploaded = exchange(app, 'POST', '/api/v1/files')
    expect(uploaded.status).toBe(201)

    // my.request takes `headers` (Taro lower-cases the names), not WeChat's `header`
    const submitCall = optionsOf(app, 'request').find((o) => String(o.url).endsWith('/api/v1/cases') && o.method === 'POST')
    const key = (submitCall?.headers as Record<string, string>)['idempotency-key']
    expect(key).toMatch(/^[A-Za-z0-9_:.-]{8,128}$/)
    expect(submitCall).not.toHaveProperty('header')
    expect(exchange(app, 'POST', '/api/v1/cases').headers['idempotency-key']).toBe(key)

    const created = createdCase(app)
    expect(created.trackingNo).toMatch(/^\d{4}-\d{4}-\d{4}$/)
    expect(result.query.no).toBe(created.trackingNo)
    expect(result.get({ className: 'result-head__no' }).text).toBe(created.trackingNo)
    for (const unit of created.assignments.map((a) => a.unitName)) expect(result.text()).toContain(unit)

    const token = residentToken(app, '/api/v1/auth/alipay')
    const seen = await flow.stack.api.get(`/api/v1/cases/${created.id}`, { token })
    expect(seen.status).toBe(200)
    expect(seen.body.content).toBe(COMPLAINT)
    expect(seen.body.attachments.map((f: { id: string }) => f.id)).toEqual([(uploaded.response as { id: string }).id])
    const office = await loginStaff(flow.stack.api, 'jinshui.office')
    expect((await flow.stack.api.get(`/api/v1/cases/${created.id}`, { token: office.token })).status).toBe(200)
  })
})

describe('Alipay mini-program: scanning a receipt', () => {
  it('opens the track page with the number my.scan read', async () => {
    const carol = await loginResident(flow.stack.api, 'ali-carol')
    const existing = await flow.stack.api.post('/api/v1/cases', { content: '楼下烧烤摊油烟太大，窗户都不敢开', region: 'erqi' }, { token: carol.token })
    const trackingNo = existing.body.trackingNo as string
    const app = await flow.launch({ scanResult: trackingNo })

    app.page().tap('扫一扫')
    await app.waitFor('the progress', () => app.page().route === 'pages/track/index' && app.page().find('办理过程'))

    expect(optionsOf(app, 'scan')).toEqual([expect.objectContaining({ type: 'qr', hideAlbum: false })])
    const digits = trackingNo.replace(/-/g, '')
    expect(app.page().query.no).toBe(digits)
    expect(exchange(app, 'GET', `/api/v1/track/${digits}`).status).toBe(200)
    expect(app.page().text()).toContain(trackingNo)
  })

  // my.request sends every non-2xx answer to `fail` (error 19, with status and data attached);
  // the transport must read the API's answer out of it, or the resident sees 网络不太好 for a
  // 404 here, and a 401 TOKEN_EXPIRED never triggers the refresh.
  it("shows the API's own message for a well-formed number that matches no case", async () => {
    const unknown = generateTrackingNo((n) => new Uint8Array(randomBytes(n)))
    const app = await flow.launch({ scanResult: formatTrackingNo(unknown) })
    app.page().tap('扫一扫')
    await app.waitFor('the answer', () => app.page().find({ className: 'field-error' }))
    const answer = exchange(app, 'GET', `/api/v1/track/${unknown}`)
    expect(answer.status).toBe(404)
    expect(app.page().get({ className: 'field-error' }).text).toBe((answer.response as { message: string }).message)
  })
})
