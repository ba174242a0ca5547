import { eq } from 'drizzle-orm'
import { wechatOpenId } from '@xinfang/mocks/dev-identities'
import { describe, expect, it } from 'vitest'
import { loginResident } from '../support/actors'
import { DEMO_PASSWORD } from '../support/stack'
import { flowFixture } from './harness/flow-fixture'
import type { MiniApp } from './harness/launch'
import { exchange } from './resident-steps'
import { answerConsent, openWorkbenchMe, signInToWorkbench } from './workbench-steps'

// The compiled WeChat mini-program's workbench subpackage, wx mocked in WeChat's shapes.
const flow = flowFixture('weapp')

const subscribeCalls = (app: MiniApp) => app.callsTo('requestSubscribeMessage').map((c) => (c.args[0] as { tmplIds: unknown }).tmplIds)

describe('WeChat mini-program: the workbench sign-in', () => {
  it('sends wx.login\'s code with the staff login, so work notices reach this person by subscription message', async () => {
    const app = await signInToWorkbench(flow, 'jinshui.office', 'wx-duty-desk')

    const login = exchange(app, 'POST', '/api/v1/auth/staff')
    expect(login.status).toBe(200)
    expect(login.body).toEqual({ username: 'jinshui.office', password: DEMO_PASSWORD, miniProgram: { platform: 'wechat', code: 'dev:wx-duty-desk' } })
    const { staff } = flow.stack.app.db.tables
    const [bound] = await flow.stack.app.db.q.select({ platform: staff.noticePlatform, uid: staff.noticeUid }).from(staff).where(eq(staff.username, 'jinshui.office'))
    expect(bound).toEqual({ platform: 'wechat', uid: wechatOpenId(flow.stack.mocks.options.wechat.appId, 'wx-duty-desk') })

    // 我的 says so, and a switch there is saved at once
    await openWorkbenchMe(app, '微信订阅消息')
    // 工作提醒's four (联名预警, 即将超期, 已超期, 免打扰), then 大字模式
    const switches = app.page().findAll({ tag: 'switch' })
    expect(switches).toHaveLength(5)
    app.page().change(switches[1]!, false)
    await app.settle()
    expect(exchange(app, 'PUT', '/api/v1/workbench/notice-settings').body).toMatchObject({ cosignWarning: true, dueSoon: false, overdue: true })
  })
})

describe('WeChat mini-program: consent to work notices', () => {
  it('开启微信提醒 asks for exactly the templates the API serves and says the next notice goes to WeChat', async () => {
    const app = await signInToWorkbench(flow, 'jinshui.office', 'wx-consent-yes')
    await openWorkbenchMe(app, '开启微信提醒')
    const served = exchange(app, 'GET', '/api/v1/notices/templates').response as { wechat: string[] }
    expect(served.wechat).toEqual([flow.stack.mocks.options.wechat.noticeTemplateId])

    await answerConsent(app, '开启微信提醒', 'accept', '已开启，下一条提醒会发到微信')
    expect(subscribeCalls(app)).toEqual([served.wechat])
    expect(app.device.subscriptions.allowed.get(served.wechat[0]!)).toBe(1)
  })

  it('explains a refusal and a switched-off WeChat in plain words, and asks again on the next tap', async () => {
    const app = await signInToWorkbench(flow, 'jinshui.office', 'wx-consent-no')
    await openWorkbenchMe(app, '开启微信提醒')
    await answerConsent(app, '开启微信提醒', 'reject', '没有开启：刚才没有选「允许」。提醒会改发短信')
    await answerConsent(app, '开启微信提醒', 'switched_off', '右上角「···」→「设置」')
    await answerConsent(app, '开启微信提醒', 'accept', '已开启，下一条提醒会发到微信')
    expect(subscribeCalls(app)).toHaveLength(3)
    expect([...app.device.subscriptions.allowed.values()]).toEqual([1])
  })

  it('asks again, inside the tap, when an action on a case is confirmed, beside the action', async () => {
    const resident = await loginResident(flow.stack.api, 'wx-consent-resident', 'wechat')
    const created = await flow.stack.api.post('/api/v1/cases', { content: '小区路灯坏了一个多月，晚上出行很不安全。', category: 'dispute_mediation', region: 'jinshui' }, { token: resident.token })
    expect(created.status).toBe(201)
    const app = await signInToWorkbench(flow, 'jinshui.office', 'wx-consent-action')
    await app.device.router.navigateTo(`/workbench/pages/case/index?id=${created.body.id}`)
    await app.waitFor('the case page', () => app.page().route === 'workbench/pages/case/index' && app.page().find({ className: 'wb-action__button', text: '受理' }))
    app.page().tap({ className: 'wb-action__button', text: '受理' })
    await app.waitFor('the accept form', () => app.page().find('确认受理'))
    await app.settle()
    app.page().tap('确认受理')
    const path = `/api/v1/cases/${created.body.id}/actions/accept`
    await app.waitFor('the case accepted', () => app.http.find((x) => x.path === path && x.status !== undefined))
    await app.settle()
    expect(exchange(app, 'POST', path).status).toBe(200)
    expect(subscribeCalls(app)).toEqual([[flow.stack.mocks.options.wechat.noticeTemplateId]])
    // counted only when the dialog opened: outside the tap WeChat refuses the call
    expect(app.device.subscriptions.allowed.get(flow.stack.mocks.options.wechat.noticeTemplateId)).toBe(1)
  })
})
