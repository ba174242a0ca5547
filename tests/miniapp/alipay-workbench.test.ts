import { describe, expect, it } from 'vitest'
import { flowFixture } from './harness/flow-fixture'
import { exchange } from './resident-steps'
import { answerConsent, openWorkbenchMe, signInToWorkbench } from './workbench-steps'

// The workbench in the compiled Alipay mini-program: consent to work notices through
// my.requestSubscribeMessage, which takes `entityIds` (Taro maps no field of this API).
const flow = flowFixture('alipay')

describe('Alipay mini-program: consent to work notices', () => {
  it('开启支付宝提醒 asks for exactly the template the API serves, and says what came of it', async () => {
    const app = await signInToWorkbench(flow, 'jinshui.office', 'ali-duty-desk')
    await openWorkbenchMe(app, '开启支付宝提醒')
    expect(app.page().find('开启微信提醒')).toBeUndefined()
    const served = exchange(app, 'GET', '/api/v1/notices/templates').response as { alipay: string[] }
    expect(served.alipay).toEqual([flow.stack.mocks.options.alipay.noticeTemplateId])

    await answerConsent(app, '开启支付宝提醒', 'reject', '没有开启：刚才没有选「允许」。提醒会改发短信，想在支付宝里收')
    await answerConsent(app, '开启支付宝提醒', 'accept', '已开启，下一条提醒会发到支付宝')
    expect(app.callsTo('requestSubscribeMessage').map((c) => (c.args[0] as { entityIds: unknown }).entityIds)).toEqual([served.alipay, served.alipay])
    expect(app.device.subscriptions.allowed.get(served.alipay[0]!)).toBe(1)
  })
})
