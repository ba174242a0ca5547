import { generateRsaKeyPair } from '@xinfang/mocks/start-mocks'
import { describe, expect, it } from 'vitest'
import { decodeQr, failureOf, useMocks } from './adapter-test-kit'
import { createAlipayQrcodeClient, type AlipayQrcodeOptions } from './alipay-qrcode'

const mocksOf = useMocks()

function qrcodeClient(overrides: Partial<AlipayQrcodeOptions> = {}) {
  return createAlipayQrcodeClient({
    gatewayUrl: `${mocksOf().baseUrl}/alipay/gateway.do`,
    appId: mocksOf().options.alipay.appId,
    ...mocksOf().alipayClientKeys,
    timeoutMs: 2000,
    retries: 1,
    ...overrides,
  })
}

const request = { page: 'pages/cosign/index', query: 't=Ab3-x_9', describe: '联名诉求' }

describe('Alipay mini-program QR code (alipay.open.app.qrcode.create)', () => {
  it('sends a signed gateway call and returns the hosted image, which opens the page with the query', async () => {
    const { url } = await qrcodeClient().create(request)
    const [call] = await mocksOf().calls('alipay')
    expect(call?.body).toMatchObject({ method: 'alipay.open.app.qrcode.create', sign_type: 'RSA2', sign: expect.any(String) })
    expect(JSON.parse((call?.body as { biz_content: string }).biz_content)).toEqual({ url_param: 'pages/cosign/index', query_param: 't=Ab3-x_9', describe: '联名诉求' })

    expect(url.startsWith(`${mocksOf().baseUrl}/alipay/qr/`)).toBe(true)
    const image = await fetch(url)
    expect(image.headers.get('content-type')).toBe('image/png')
    const text = decodeQr(Buffer.from(await image.arrayBuffer()))
    expect(text).toBe(`alipays://platformapi/startapp?appId=${mocksOf().options.alipay.appId}&page=pages%2Fcosign%2Findex&query=t%3DAb3-x_9`)
  })

  it('calls a page Alipay refuses (40004) a rejection', async () => {
    const error = await failureOf(qrcodeClient().create({ ...request, page: '/pages/cosign/index?x=1' }))
    expect(error).toMatchObject({ kind: 'rejected', detail: { code: '40004' } })
  })

  it('calls a busy gateway (20000) unavailable', async () => {
    await mocksOf().injectFault({ platform: 'alipay', mode: 'busy' })
    expect(await failureOf(qrcodeClient().create(request))).toMatchObject({ kind: 'unavailable', detail: { code: '20000' } })
  })

  it('calls our signature refused unavailable, for someone to fix the keys', async () => {
    const error = await failureOf(qrcodeClient({ appPrivateKeyPem: generateRsaKeyPair().privateKeyPem }).create(request))
    expect(error).toMatchObject({ kind: 'unavailable', detail: { subCode: 'isv.invalid-signature' } })
  })

  it('calls an answer that does not verify a bad response', async () => {
    const error = await failureOf(qrcodeClient({ alipayPublicKeyPem: generateRsaKeyPair().publicKeyPem }).create(request))
    expect(error.kind).toBe('bad_response')
  })
})
