import { describe, expect, it } from 'vitest'
import { decodeQr, failureOf, useMocks } from './adapter-test-kit'
import { createWechatServerApi, type WechatServerApiOptions } from './wechat-server-api'
import { createWechatWxacodeClient, type WxacodeEnvVersion } from './wechat-wxacode'

const mocksOf = useMocks()

function serverApi(overrides: Partial<WechatServerApiOptions> = {}) {
  return createWechatServerApi({
    baseUrl: `${mocksOf().baseUrl}/wechat`,
    appId: mocksOf().options.wechat.appId,
    appSecret: mocksOf().options.wechat.appSecret,
    timeoutMs: 2000,
    retries: 1,
    ...overrides,
  })
}

const wxacode = (envVersion: WxacodeEnvVersion = 'release') => createWechatWxacodeClient({ api: serverApi(), envVersion })
const paths = async () => (await mocksOf().calls('wechat')).map((call) => `${call.path} ${call.status}`)

describe('WeChat mini-program code (getwxacodeunlimit)', () => {
  it('returns a PNG that opens the page with the scene, asked for in the platform format', async () => {
    const { image, mime } = await wxacode().getUnlimited({ scene: 't=Ab3-x_9', page: 'pages/cosign/index', width: 280 })
    expect(mime).toBe('image/png')
    expect(image.subarray(1, 4).toString()).toBe('PNG')
    const text = decodeQr(image)
    expect(text).toBe(`weapp://${mocksOf().options.wechat.appId}/pages/cosign/index?scene=${encodeURIComponent('t=Ab3-x_9')}&env_version=release`)
    const call = (await mocksOf().calls('wechat')).at(-1)
    expect(call).toMatchObject({ method: 'POST', path: '/wechat/wxa/getwxacodeunlimit', query: { access_token: '[redacted]' }, status: 200 })
    expect(call?.body).toEqual({ scene: 't=Ab3-x_9', page: 'pages/cosign/index', check_path: true, env_version: 'release', width: 280 })
  })

  it('does not check the path against the published version for a trial or developer build', async () => {
    const { image } = await wxacode('develop').getUnlimited({ scene: 'abc', page: 'pages/cosign/index', width: 280 })
    expect(decodeQr(image)).toMatch(/&env_version=develop$/)
    expect((await mocksOf().calls('wechat')).at(-1)?.body).toMatchObject({ check_path: false, env_version: 'develop' })
  })

  it('shares one access token with every WeChat call of the app', async () => {
    const api = serverApi()
    const client = createWechatWxacodeClient({ api, envVersion: 'release' })
    await client.getUnlimited({ scene: 'one', page: 'pages/cosign/index', width: 280 })
    await client.getUnlimited({ scene: 'two', page: 'pages/cosign/index', width: 280 })
    await api.post('getuserphonenumber', 'wxa/business/getuserphonenumber', { code: 'dev-phone:alice' })
    expect((await paths()).filter((path) => path.includes('cgi-bin/token'))).toHaveLength(1)
  })

  it('fetches a new token once when WeChat no longer takes the cached one (40001)', async () => {
    const client = wxacode()
    await client.getUnlimited({ scene: 'one', page: 'pages/cosign/index', width: 280 })
    await mocksOf().revokeTokens()
    await mocksOf().clearCalls()
    expect((await client.getUnlimited({ scene: 'two', page: 'pages/cosign/index', width: 280 })).mime).toBe('image/png')
    expect(await paths()).toEqual(['/wechat/wxa/getwxacodeunlimit 200', '/wechat/cgi-bin/token 200', '/wechat/wxa/getwxacodeunlimit 200'])
  })

  it('calls a page WeChat refuses (41030) a rejection, which no repeat cures', async () => {
    const error = await failureOf(wxacode().getUnlimited({ scene: 'abc', page: '/pages/cosign/index' }))
    expect(error).toMatchObject({ kind: 'rejected', detail: { errcode: 41030 } })
  })

  it('refuses a scene outside WeChat\'s rules without asking WeChat', async () => {
    for (const scene of ['', 'x'.repeat(33), '联名', 'a%20b']) {
      expect(await failureOf(wxacode().getUnlimited({ scene, page: 'pages/cosign/index' }))).toMatchObject({ kind: 'rejected' })
    }
    expect(await paths()).toEqual([])
  })

  it('calls a busy WeChat (-1) unavailable', async () => {
    const client = wxacode()
    await client.getUnlimited({ scene: 'one', page: 'pages/cosign/index', width: 280 })
    await mocksOf().injectFault({ platform: 'wechat', mode: 'busy' })
    expect(await failureOf(client.getUnlimited({ scene: 'two', page: 'pages/cosign/index' }))).toMatchObject({ kind: 'unavailable', detail: { errcode: -1 } })
  })

  it('calls WeChat down after its retries unavailable', async () => {
    const client = wxacode()
    await client.getUnlimited({ scene: 'one', page: 'pages/cosign/index', width: 280 })
    await mocksOf().injectFault({ platform: 'wechat', mode: 'fail', count: 2 })
    const error = await failureOf(client.getUnlimited({ scene: 'two', page: 'pages/cosign/index' }))
    expect(error.kind).toBe('unavailable')
    expect(error.message).toContain('HTTP 503')
  })

  it('calls a refused app secret unavailable, and does not repeat the secret', async () => {
    const client = createWechatWxacodeClient({ api: serverApi({ appSecret: 'wrong-secret-value' }), envVersion: 'release' })
    const error = await failureOf(client.getUnlimited({ scene: 'abc', page: 'pages/cosign/index' }))
    expect(error).toMatchObject({ kind: 'unavailable', detail: { errcode: 40125 } })
    expect(JSON.stringify({ message: error.message, detail: error.detail })).not.toContain('wrong-secret-value')
  })
})
