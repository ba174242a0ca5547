import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../support/stack'
import { flowFixture } from './harness/flow-fixture'
import { exchange } from './resident-steps'

// The workbench in the compiled Alipay mini-program: consent to work notices through
// my.requestSubscribeMessage, which takes `entityIds` (Taro maps no field of this API).
const flow = flowFixture('alipay')

describe('Alipay mini-program: consent to work notices', () => {
  it('开启支付宝提醒 asks for exactly the template the API serves, and says what came of it', async () => {
    const app = await flow.launch({ user: 'ali-duty-desk', entry: '/workbench/pages/login/index' })
    await app.waitFor('the login form', () => app.page().find('工作人员登录'))
    app.page().input({ placeholder: /jinshui\.office/ }, 'jinshui.office')
    app.page().input({ placeholder: '密码' }, DEMO_PASSWORD)
    app.page().tap('登录工作台')
    await app.waitFor('the workbench home', () => app.page().route === 'workbench/pages/home/index' && app.page().find('今日新增'))
    app.page().tap({ text: '我的', className: 'wb-tabbar__item' })
    await app.waitFor('the consent button', () => app.page().route === 'workbench/pages/me/index' && app.page().find('开启支付宝提醒'))
    expect(app.page().find('开启微信提醒')).toBeUndefined()
    const served = exchange(app, 'GET', '/api/v1/notices/templates').response as { alipay: string[] }
    expect(served.alipay).toEqual([flow.stack.mocks.options.alipay.noticeTemplateId])

    app.device.subscriptions.answer = 'reject'
    app.page().tap('开启支付宝提醒')
    await app.waitFor('the refusal explained', () => app.page().find('没有开启：刚才没有选「允许」。提醒会改发短信，想在支付宝里收'))

    app.device.subscriptions.answer = 'accept'
    app.page().tap('开启支付宝提醒')
    await app.waitFor('the result', () => app.page().find('已开启，下一条提醒会发到支付宝'))
    expect(app.callsTo('requestSubscribeMessage').map((c) => (c.args[0] as { entityIds: unknown }).entityIds)).toEqual([served.alipay, served.alipay])
    expect(app.device.subscriptions.allowed.get(served.alipay[0]!)).toBe(1)
  })
})
