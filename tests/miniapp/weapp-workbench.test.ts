import { wechatOpenId } from '@xinfang/mocks/dev-identities'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../support/stack'
import { flowFixture } from './harness/flow-fixture'
import { exchange } from './resident-steps'

// The compiled WeChat mini-program's workbench subpackage, wx mocked in WeChat's shapes.
const flow = flowFixture('weapp')

describe('WeChat mini-program: the workbench sign-in', () => {
  it('sends wx.login\'s code with the staff login, so work notices reach this person by subscription message', async () => {
    const app = await flow.launch({ user: 'wx-duty-desk', entry: '/workbench/pages/login/index' })
    await app.waitFor('the login form', () => app.page().find('工作人员登录'))
    app.page().input({ placeholder: /jinshui\.office/ }, 'jinshui.office')
    app.page().input({ placeholder: '密码' }, DEMO_PASSWORD)
    app.page().tap('登录工作台')
    await app.waitFor('the workbench home', () => app.page().route === 'workbench/pages/home/index' && app.page().find('今日新增'))

    const login = exchange(app, 'POST', '/api/v1/auth/staff')
    expect(login.status).toBe(200)
    expect(login.body).toEqual({ username: 'jinshui.office', password: DEMO_PASSWORD, miniProgram: { platform: 'wechat', code: 'dev:wx-duty-desk' } })
    const bound = flow.stack.app.sqlite.prepare("select notice_platform as platform, notice_uid as uid from staff where username = 'jinshui.office'").get()
    expect(bound).toEqual({ platform: 'wechat', uid: wechatOpenId(flow.stack.mocks.options.wechat.appId, 'wx-duty-desk') })

    // 我的 says so, and a switch there is saved at once
    app.page().tap({ text: '我的', className: 'wb-tabbar__item' })
    await app.waitFor('the notice settings', () => app.page().route === 'workbench/pages/me/index' && app.page().find('微信订阅消息'))
    // 工作提醒's four (联名预警, 即将超期, 已超期, 免打扰), then 大字模式
    const switches = app.page().findAll({ tag: 'switch' })
    expect(switches).toHaveLength(5)
    app.page().change(switches[1]!, false)
    await app.settle()
    expect(exchange(app, 'PUT', '/api/v1/workbench/notice-settings').body).toMatchObject({ cosignWarning: true, dueSoon: false, overdue: true })
  })
})
