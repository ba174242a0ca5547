import { alipayOpenId, alipayUserId } from '@xinfang/mocks/dev-identities'
import { generateRsaKeyPair } from '@xinfang/mocks/start-mocks'
import { describe, expect, it } from 'vitest'
import { failureOf, useMocks } from './adapter-test-kit'
import { createAlipayClient, type AlipayClientOptions } from './alipay'

const mocksOf = useMocks()

function alipayClient(overrides: Partial<AlipayClientOptions> = {}) {
  return createAlipayClient({
    gatewayUrl: `${mocksOf().baseUrl}/alipay/gateway.do`,
    appId: mocksOf().options.alipay.appId,
    ...mocksOf().alipayClientKeys,
    timeoutMs: 2000,
    retries: 2,
    ...overrides,
  })
}

describe('Alipay auth code exchange', () => {
  it('knows dev:alice by the same ids every time, and dev:bob by others', async () => {
    const client = alipayClient()
    const alice = await client.exchangeAuthCode('dev:alice')
    expect(alice).toEqual({ userId: alipayUserId('alice'), openId: alipayOpenId(mocksOf().options.alipay.appId, 'alice') })
    expect(await client.exchangeAuthCode('dev:alice')).toEqual(alice)
    expect((await client.exchangeAuthCode('dev:bob')).userId).not.toBe(alice.userId)
  })

  it('sends a signed form with the public parameters the gateway requires', async () => {
    await alipayClient().exchangeAuthCode('dev:alice')
    const [call] = await mocksOf().calls('alipay')
    expect(call?.body).toMatchObject({
      app_id: mocksOf().options.alipay.appId,
      method: 'alipay.system.oauth.token',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      version: '1.0',
      grant_type: 'authorization_code',
      code: 'dev:alice',
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      sign: expect.stringMatching(/^[A-Za-z0-9+/]{342}==$/),
    })
  })

  it('calls an invalid or spent auth code rejected, without retrying', async () => {
    const error = await failureOf(alipayClient().exchangeAuthCode('4b203fe6c11548bcabd8da5bb087a83b'))
    expect(error).toMatchObject({ platform: 'alipay', kind: 'rejected', detail: { subCode: 'isv.code-invalid' } })
    expect(await mocksOf().calls('alipay')).toHaveLength(1)
    const code = await mocksOf().issueCode({ platform: 'alipay', name: 'carol' })
    await alipayClient().exchangeAuthCode(code)
    expect(await failureOf(alipayClient().exchangeAuthCode(code))).toMatchObject({ kind: 'rejected' })
  })

  it('is refused by the gateway when it signs with a key Alipay does not know', async () => {
    const client = alipayClient({ appPrivateKeyPem: generateRsaKeyPair().privateKeyPem })
    const error = await failureOf(client.exchangeAuthCode('dev:alice'))
    expect(error).toMatchObject({ kind: 'unavailable', detail: { code: '40002', subCode: 'isv.invalid-signature' } })
  })

  it('distrusts an answer whose signature does not verify with the configured Alipay public key', async () => {
    const client = alipayClient({ alipayPublicKeyPem: generateRsaKeyPair().publicKeyPem })
    expect(await failureOf(client.exchangeAuthCode('dev:alice'))).toMatchObject({ kind: 'bad_response' })
  })

  it('calls an unknown app id unavailable, though the gateway cannot sign that refusal', async () => {
    const error = await failureOf(alipayClient({ appId: '2021999999999999' }).exchangeAuthCode('dev:alice'))
    expect(error).toMatchObject({ kind: 'unavailable', detail: { subCode: 'isv.invalid-app-id' } })
  })

  it('recovers from two 503s by retrying', async () => {
    await mocksOf().injectFault({ platform: 'alipay', mode: 'fail', count: 2 })
    expect((await alipayClient().exchangeAuthCode('dev:alice')).userId).toBe(alipayUserId('alice'))
    expect((await mocksOf().calls('alipay')).map((call) => call.status)).toEqual([503, 503, 200])
  })

  it('gives up on a stalled gateway within its timeout budget', async () => {
    await mocksOf().injectFault({ platform: 'alipay', mode: 'slow', count: 2, delayMs: 5000 })
    const startedAt = performance.now()
    const error = await failureOf(alipayClient({ timeoutMs: 200, retries: 1 }).exchangeAuthCode('dev:alice'))
    expect(error).toMatchObject({ kind: 'unavailable', detail: { attempts: 2 } })
    expect(performance.now() - startedAt).toBeLessThan(1500)
  })
})
