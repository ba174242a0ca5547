import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { formatTrackingNo, generateTrackingNo } from '@xinfang/shared/tracking-number'
import { loginResident, loginStaff } from '../support/actors'
import { flowFixture } from './harness/flow-fixture'
import { COMPLAINT, createdCase, exchange, residentToken, signInThroughMyCases, submitHeatingComplaint } from './resident-steps'

// The compiled WeChat mini-program (miniapp/dist/weapp) in Node, wx mocked in WeChat's shapes,
// talking real HTTP to the API and the platform mocks. See README.md for what this proves.
const flow = flowFixture('weapp')

describe('WeChat mini-program: the submit flow over real HTTP', () => {
  it('signs in with wx.login, uploads a photo, submits with an Idempotency-Key and shows the tracking number', async () => {
    const app = await flow.launch({ user: 'wx-resident' })
    expect(app.page().text()).toContain('我要反映')

    await signInThroughMyCases(app)
    expect(app.callsTo('login')).toHaveLength(1)
    const auth = exchange(app, 'POST', '/api/v1/auth/wechat')
    expect({ body: auth.body, status: auth.status }).toEqual({ body: { code: 'dev:wx-resident' }, status: 200 })

    const result = await submitHeatingComplaint(app)

    expect(app.callsTo('chooseImage')).toHaveLength(1)
    const [upload] = app.callsTo('uploadFile')
    expect(upload?.args[0]).toMatchObject({ name: 'file', filePath: expect.stringMatching(/^wxfile:\/\/tmp_.+\.jpg$/) })
    const uploaded = exchange(app, 'POST', '/api/v1/files')
    expect(uploaded.status).toBe(201)
    expect(uploaded.headers.authorization).toMatch(/^Bearer /)

    // the platform call itself carries the key, not just what reached the server
    const submitCall = app.callsTo('request').find((c) => (c.args[0] as { url: string }).url.endsWith('/api/v1/cases') && (c.args[0] as { method: string }).method === 'POST')
    const key = (submitCall?.args[0] as { header: Record<string, string> }).header['Idempotency-Key']
    expect(key).toMatch(/^[A-Za-z0-9_:.-]{8,128}$/)
    expect(exchange(app, 'POST', '/api/v1/cases').headers['idempotency-key']).toBe(key)

    const created = createdCase(app)
    expect(created.trackingNo).toMatch(/^\d{4}-\d{4}-\d{4}$/)
    expect(result.query.no).toBe(created.trackingNo)
    expect(result.get({ className: 'result-head__no' }).text).toBe(created.trackingNo)
    for (const unit of created.assignments.map((a) => a.unitName)) expect(result.text()).toContain(unit)
    expect(result.text()).toContain('郑州热力集团有限公司')
    expect(app.pages().map((p) => p.route)).toEqual(['pages/index/index', 'pages/submit-result/index'])
    // 提交 asked consent to the case's notices, inside its tap (outside one WeChat opens no dialog)
    const templateId = flow.stack.mocks.options.wechat.noticeTemplateId
    expect(app.callsTo('requestSubscribeMessage').map((c) => (c.args[0] as { tmplIds: unknown }).tmplIds)).toEqual([[templateId]])
    expect(app.device.subscriptions.allowed.get(templateId)).toBe(1)

    // the case exists for the resident, with the photo the app uploaded, and reached the unit
    const token = residentToken(app, '/api/v1/auth/wechat')
    const seen = await flow.stack.api.get(`/api/v1/cases/${created.id}`, { token })
    expect(seen.status).toBe(200)
    expect(seen.body.content).toBe(COMPLAINT)
    expect(seen.body.attachments.map((f: { id: string }) => f.id)).toEqual([(uploaded.response as { id: string }).id])
    const handler = await loginStaff(flow.stack.api, 'heating.handler')
    expect((await flow.stack.api.get(`/api/v1/cases/${created.id}`, { token: handler.token })).status).toBe(200)
  })

  // the form uploads a photo as soon as it is picked, so it must sign in first: a resident who
  // has not signed in yet would otherwise get 401 on the upload and be stuck on 提交
  it('uploads a photo picked before the first sign-in', async () => {
    const app = await flow.launch({ user: 'wx-first-timer' })
    app.page().tap('我要反映')
    await app.waitFor('the form', () => app.page().find('拍照/相册'))
    app.page().tap('拍照/相册')
    await app.settle()
    expect(exchange(app, 'POST', '/api/v1/files').status).toBe(201)
  })
})

describe('WeChat mini-program: scanning a receipt', () => {
  it('opens the track page with the scanned tracking number and shows the progress', async () => {
    const bob = await loginResident(flow.stack.api, 'wx-bob')
    const existing = await flow.stack.api.post('/api/v1/cases', { content: '小区门口的路灯坏了好几天，晚上很黑', region: 'jinshui' }, { token: bob.token })
    const trackingNo = existing.body.trackingNo as string
    const app = await flow.launch({ scanResult: trackingNo })

    app.page().tap('扫一扫')
    await app.waitFor('the progress', () => app.page().route === 'pages/track/index' && app.page().find('办理过程'))

    expect(app.callsTo('scanCode')).toHaveLength(1)
    const digits = trackingNo.replace(/-/g, '')
    expect(app.page().query.no).toBe(digits)
    expect(exchange(app, 'GET', `/api/v1/track/${digits}`).status).toBe(200)
    expect(app.page().text()).toContain(trackingNo)
    expect(app.page().text()).toContain('已登记')
  })

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

describe('WeChat mini-program: consent to case notices', () => {
  it('asks, inside the tap, when the resident sends the information staff asked for, and the answer goes through', async () => {
    const resident = await loginResident(flow.stack.api, 'wx-info-resident', 'wechat')
    const created = await flow.stack.api.post('/api/v1/cases', { content: '小区门口烧烤摊每晚油烟很大，噪声扰民到凌晨。', category: 'dispute_mediation', region: 'jinshui' }, { token: resident.token })
    expect(created.status).toBe(201)
    const office = await loginStaff(flow.stack.api, 'jinshui.office')
    for (const [action, body] of [['accept', {}], ['request_info', { question: '请补充烧烤摊的具体位置' }]] as const) {
      expect((await flow.stack.api.post(`/api/v1/cases/${created.body.id}/actions/${action}`, body, { token: office.token })).status).toBe(200)
    }

    const app = await flow.launch({ user: 'wx-info-resident', entry: `/pages/case-detail/index?id=${created.body.id}` })
    await app.waitFor('the question', () => app.page().find('请补充烧烤摊的具体位置'))
    await app.settle()
    app.page().input({ tag: 'textarea' }, '花园路农科路口东50米')
    app.page().tap('提交补充材料')
    const path = `/api/v1/cases/${created.body.id}/info`
    await app.waitFor('the answer sent', () => app.http.find((x) => x.path === path && x.status !== undefined))
    expect(exchange(app, 'POST', path).status).toBe(200)
    const templateId = flow.stack.mocks.options.wechat.noticeTemplateId
    expect(app.callsTo('requestSubscribeMessage').map((c) => (c.args[0] as { tmplIds: unknown }).tmplIds)).toEqual([[templateId]])
    // counted only when the dialog opened: outside the tap WeChat refuses the call
    expect(app.device.subscriptions.allowed.get(templateId)).toBe(1)
  })
})
