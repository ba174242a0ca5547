import { describe, expect, it } from 'vitest'
import { loginResident } from '../support/actors'
import { flowFixture } from './harness/flow-fixture'
import { qrTextOf, saveCodeRefusedThenAllowed } from './resident-steps'

// Joint complaints in the compiled Alipay mini-program: the representative opens their own
// co-sign page from the code and saves the Alipay code into the album (my.downloadFile, then
// my.saveImageToPhotosAlbum with the file it wrote; my.confirm and my.openSetting when refused).
const flow = flowFixture('alipay')

const unique = () => Date.now().toString(36).slice(-5)

describe('Alipay mini-program: joint complaints', () => {
  it("the representative's page offers the Alipay code, and 保存到相册 saves it, through the settings when the album was refused", async () => {
    const user = `ali-rep-${unique()}`
    const rep = await loginResident(flow.stack.api, user, 'alipay')
    const { response, sign } = await flow.stack.mocks.alipayPhoneNumber(user)
    expect((await flow.stack.api.post('/api/v1/auth/phone', { platform: 'alipay', response, sign }, { token: rep.token })).status).toBe(200)
    const created = await flow.stack.api.post(
      '/api/v1/cosign',
      { content: '小区北门外的工地每天夜里施工到凌晨两点，噪音很大，老人孩子都睡不好。', region: 'jinshui' },
      { token: rep.token, headers: { 'Idempotency-Key': `alipay-cosign-${rep.user.id}` } },
    )
    expect(created.status).toBe(201)
    const { token, qr } = created.body as { token: string; qr: { alipay: string } }

    // the same Alipay account opens the code: signed in silently, the page knows who started it
    const app = await flow.launch({ user, entry: `/pages/cosign/index?t=${encodeURIComponent(token)}` })
    await app.waitFor('the representative view', () => app.page().find('您是这件联名的发起人'))
    const page = app.page()
    expect(page.findAll(/^联名$/)).toEqual([])

    const saved = await saveCodeRefusedThenAllowed(app, page, qr.alipay)
    // Taro's showModal is my.confirm on Alipay
    expect(app.callsTo('confirm').map((c) => (c.args[0] as { title: string }).title)).toContain('需要相册权限')
    // the picture the API's redirect leads to: Alipay's code for this page and token
    expect(qrTextOf(saved)).toContain(encodeURIComponent(`t=${token}`))
  })
})
