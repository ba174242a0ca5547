import { wechatOpenId, wechatUnionId } from '@xinfang/mocks/dev-identities'
import { describe, expect, it } from 'vitest'
import { failureOf, useMocks } from './adapter-test-kit'
import { createWechatClient, type WechatClientOptions } from './wechat'

const mocksOf = useMocks()

function wechatClient(overrides: Partial<WechatClientOptions> = {}) {
  return createWechatClient({
    baseUrl: `${mocksOf().baseUrl}/wechat`,
    appId: mocksOf().options.wechat.appId,
    appSecret: mocksOf().options.wechat.appSecret,
    timeoutMs: 2000,
    retries: 2,
    ...overrides,
  })
}

describe('WeChat code2Session', () => {
  it('knows dev:alice by the same openid every time, and dev:bob by another', async () => {
    const client = wechatClient()
    const alice = await client.code2Session('dev:alice')
    expect(alice).toEqual({ openId: wechatOpenId(mocksOf().options.wechat.appId, 'alice'), unionId: wechatUnionId('alice') })
    expect(await client.code2Session('dev:alice')).toEqual(alice)
    expect((await client.code2Session('dev:bob')).openId).not.toBe(alice.openId)
  })

  it('never hands out the session key', async () => {
    expect(Object.keys(await wechatClient().code2Session('dev:alice')).sort()).toEqual(['openId', 'unionId'])
  })

  it('calls an invalid code rejected, without retrying', async () => {
    const error = await failureOf(wechatClient().code2Session('not-a-real-code'))
    expect(error).toMatchObject({ platform: 'wechat', kind: 'rejected', detail: { errcode: 40029 } })
    expect(await mocksOf().calls('wechat')).toHaveLength(1)
  })

  it('calls a replayed code rejected', async () => {
    const code = await mocksOf().issueCode({ platform: 'wechat', name: 'carol' })
    const client = wechatClient()
    await client.code2Session(code)
    expect(await failureOf(client.code2Session(code))).toMatchObject({ kind: 'rejected', detail: { errcode: 40163 } })
  })

  it('calls a refused app secret unavailable, and does not repeat the secret', async () => {
    const error = await failureOf(wechatClient({ appSecret: 'wrong-secret-value' }).code2Session('dev:alice'))
    expect(error).toMatchObject({ kind: 'unavailable', detail: { errcode: 40125 } })
    expect(JSON.stringify({ message: error.message, detail: error.detail })).not.toContain('wrong-secret-value')
  })

  it('recovers from two 503s by retrying', async () => {
    await mocksOf().injectFault({ platform: 'wechat', mode: 'fail', count: 2 })
    expect((await wechatClient().code2Session('dev:alice')).openId).toBe(wechatOpenId(mocksOf().options.wechat.appId, 'alice'))
    expect((await mocksOf().calls('wechat')).map((call) => call.status)).toEqual([503, 503, 200])
  })

  it('gives up on a stalled WeChat within its timeout budget', async () => {
    await mocksOf().injectFault({ platform: 'wechat', mode: 'slow', count: 2, delayMs: 5000 })
    const startedAt = performance.now()
    const error = await failureOf(wechatClient({ timeoutMs: 200, retries: 1 }).code2Session('dev:alice'))
    expect(error).toMatchObject({ kind: 'unavailable', detail: { attempts: 2 } })
    expect(error.message).toContain('timed out after 200 ms')
    expect(performance.now() - startedAt).toBeLessThan(1500)
  })
})
