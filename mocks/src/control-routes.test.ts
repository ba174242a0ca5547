import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMocks, type RunningMocks } from './start-mocks'

let mocks: RunningMocks
beforeAll(async () => {
  mocks = await startMocks()
})
afterAll(() => mocks.close())
beforeEach(() => mocks.clearCalls())

function callWechat(code = 'dev:alice'): Promise<Response> {
  const { appId, appSecret } = mocks.options.wechat
  const query = new URLSearchParams({ appid: appId, secret: appSecret, js_code: code, grant_type: 'authorization_code' })
  return fetch(`${mocks.baseUrl}/wechat/sns/jscode2session?${query}`)
}

describe('call journal', () => {
  it('records each platform call with its answer, secrets redacted', async () => {
    await callWechat()
    await fetch(`${mocks.baseUrl}/cityapp/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'urn:cityapp:ticket', ticket: 'dev:bob', client_id: 'c', client_secret: 'hunter2' }),
    })

    const [wechatCall] = await mocks.calls('wechat')
    expect(wechatCall).toMatchObject({
      platform: 'wechat',
      method: 'GET',
      path: '/wechat/sns/jscode2session',
      query: { appid: mocks.options.wechat.appId, secret: '[redacted]', js_code: 'dev:alice' },
      status: 200,
    })
    expect(Date.parse(wechatCall?.receivedAt ?? '')).not.toBeNaN()

    const cityappCalls = await mocks.calls('cityapp')
    expect(cityappCalls).toHaveLength(1)
    expect(cityappCalls[0]).toMatchObject({ body: { ticket: 'dev:bob', client_secret: '[redacted]' }, status: 401 })
    expect(JSON.stringify(await mocks.calls())).not.toContain('hunter2')
    expect(JSON.stringify(await mocks.calls())).not.toContain(mocks.options.wechat.appSecret)
  })

  it('forgets everything when cleared, and never records its own control calls', async () => {
    await callWechat()
    await mocks.clearCalls()
    expect(await mocks.calls()).toEqual([])
  })
})

describe('fault injection', () => {
  it('fails the next count calls of one platform with a 503, then recovers', async () => {
    await mocks.injectFault({ platform: 'wechat', mode: 'fail', count: 2 })
    expect((await callWechat()).status).toBe(503)
    expect((await callWechat()).status).toBe(503)
    expect((await callWechat()).status).toBe(200)
    expect((await mocks.calls('wechat')).map((call) => call.status)).toEqual([503, 503, 200])
  })

  it('stalls a call for the given delay before answering normally', async () => {
    await mocks.injectFault({ platform: 'wechat', mode: 'slow', delayMs: 300 })
    const startedAt = performance.now()
    expect((await callWechat()).status).toBe(200)
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(290)
  })

  it('disarms with mode none and leaves other platforms alone', async () => {
    await mocks.injectFault({ platform: 'wechat', mode: 'fail', count: 5 })
    const cityapp = await fetch(`${mocks.baseUrl}/cityapp/oauth2/userinfo`)
    expect(cityapp.status).toBe(401)
    await mocks.injectFault({ platform: 'wechat', mode: 'none' })
    expect((await callWechat()).status).toBe(200)
  })

  it('rejects a fault for a platform it does not mock', async () => {
    const response = await fetch(`${mocks.baseUrl}/__mocks/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'grid', mode: 'fail' }),
    })
    expect(response.status).toBe(400)
  })
})
