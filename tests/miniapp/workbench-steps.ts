import { DEMO_PASSWORD } from '../support/stack'
import type { flowFixture } from './harness/flow-fixture'
import type { MiniApp } from './harness/launch'
import type { Subscriptions } from './harness/subscriptions'

type Flow = ReturnType<typeof flowFixture>

/** Launches at the workbench login as platform account `user` and signs `username` in; ends on the workbench home. */
export async function signInToWorkbench(flow: Flow, username: string, user: string): Promise<MiniApp> {
  const app = await flow.launch({ user, entry: '/workbench/pages/login/index' })
  await app.waitFor('the login form', () => app.page().find('工作人员登录'))
  app.page().input({ placeholder: /jinshui\.office/ }, username)
  app.page().input({ placeholder: '密码' }, DEMO_PASSWORD)
  app.page().tap('登录工作台')
  await app.waitFor('the workbench home', () => app.page().route === 'workbench/pages/home/index' && app.page().find('今日新增'))
  return app
}

/** The workbench's own 我的 tab, once it shows `text`. */
export async function openWorkbenchMe(app: MiniApp, text: string) {
  app.page().tap({ text: '我的', className: 'wb-tabbar__item' })
  await app.waitFor(`「${text}」on 我的`, () => app.page().route === 'workbench/pages/me/index' && app.page().find(text))
}

/** Taps `button`, picks `answer` in the subscription dialog it opens, and waits until the page says `said`. */
export async function answerConsent(app: MiniApp, button: string, answer: Subscriptions['answer'], said: string) {
  app.device.subscriptions.answer = answer
  app.page().tap(button)
  await app.waitFor(`「${said}」`, () => app.page().find(said))
}
