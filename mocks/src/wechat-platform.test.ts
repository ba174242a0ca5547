import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wechatOpenId, wechatUnionId } from './dev-identities'
import { startMocks, type RunningMocks } from './start-mocks'

let mocks: RunningMocks
beforeAll(async () => {
  mocks = await startMocks()
})
afterAll(() => mocks.close())

async function jscode2session(code: string, overrides: Record<string, string> = {}) {
  const query = new URLSearchParams({
    appid: mocks.options.wechat.appId,
    secret: mocks.options.wechat.appSecret,
    js_code: code,
    grant_type: 'authorization_code',
    ...overrides,
  })
  const response = await fetch(`${mocks.baseUrl}/wechat/sns/jscode2session?${query}`)
  return { status: response.status, contentType: response.headers.get('content-type'), body: JSON.parse(await response.text()) }
}

describe('WeChat jscode2session mock', () => {
  it('answers a dev code with the stable openid and unionid, labelled text/plain as WeChat does', async () => {
    const answer = await jscode2session('dev:alice')
    expect(answer.status).toBe(200)
    expect(answer.contentType).toMatch(/^text\/plain/)
    expect(answer.body).toEqual({
      openid: wechatOpenId(mocks.options.wechat.appId, 'alice'),
      unionid: wechatUnionId('alice'),
      session_key: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
    })
    expect((await jscode2session('dev:alice')).body.openid).toBe(answer.body.openid)
  })

  it.each([
    ['an unknown app', { appid: 'wx-other' }, 40013],
    ['a wrong secret', { secret: 'guessed' }, 40125],
    ['another grant type', { grant_type: 'client_credential' }, 40002],
    ['no code', { js_code: '' }, 41008],
    ['a made-up code', { js_code: '0a1b2c3d4e5f' }, 40029],
  ])('refuses %s with HTTP 200 and an errcode', async (_case, overrides, errcode) => {
    const answer = await jscode2session('dev:alice', overrides)
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ errcode, errmsg: expect.stringMatching(/, rid: [0-9a-f]+-[0-9a-f]{8}-[0-9a-f]{8}$/) })
  })

  it('accepts an issued code once, then answers 40163', async () => {
    const code = await mocks.issueCode({ platform: 'wechat', name: 'carol' })
    expect((await jscode2session(code)).body.openid).toBe(wechatOpenId(mocks.options.wechat.appId, 'carol'))
    expect((await jscode2session(code)).body.errcode).toBe(40163)
  })
})
