import { wechatOpenId } from '@xinfang/mocks/dev-identities'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginResident, loginStaff } from '../support/actors'
import { startStack, type Stack } from '../support/stack'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack.close())

describe('resident notifications', () => {
  it('tells a WeChat resident by subscription message that their case was accepted', async () => {
    const resident = await loginResident(stack.api, 'notify-wechat', 'wechat')
    const created = await stack.api.post('/api/v1/cases', { content: '小区路灯坏了一个多月，晚上出行很不安全。', category: 'dispute_mediation', region: 'jinshui' }, { token: resident.token })
    expect(created.status).toBe(201)
    const office = await loginStaff(stack.api, 'city.office')
    expect((await stack.api.post(`/api/v1/cases/${created.body.id}/actions/accept`, {}, { token: office.token })).status).toBe(200)

    await stack.mocks.clearCalls()
    const summary = await stack.app.outbox.runOnce()
    expect(summary.sent).toBeGreaterThanOrEqual(1)
    const sends = (await stack.mocks.calls('wechat')).filter((call) => call.path === '/wechat/cgi-bin/message/subscribe/send')
    const openId = wechatOpenId(stack.mocks.options.wechat.appId, 'notify-wechat')
    expect(sends).toContainEqual(
      expect.objectContaining({
        status: 200,
        body: expect.objectContaining({ touser: openId, data: expect.objectContaining({ character_string2: { value: created.body.trackingNo } }) }),
      }),
    )
  })
})

describe('the templates the mini-programs ask consent for', () => {
  it('serves, to anyone, exactly the templates the notices are sent in', async () => {
    const templates = await stack.api.get('/api/v1/notices/templates')
    expect(templates.status).toBe(200)
    expect(templates.body).toEqual({ wechat: [stack.mocks.options.wechat.noticeTemplateId], alipay: [stack.mocks.options.alipay.noticeTemplateId] })

    const spec = await stack.api.get('/docs/json')
    expect(spec.body.paths['/api/v1/notices/templates/'].get.tags).toEqual(['notices'])
  })
})
