import { createPublicKey, sign, verify } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alipayOpenId, alipayUserId } from './dev-identities'
import { generateRsaKeyPair, startMocks, type RunningMocks } from './start-mocks'

interface GatewayBody {
  alipay_system_oauth_token_response?: Record<string, unknown>
  error_response?: Record<string, unknown>
  sign?: string
}

let mocks: RunningMocks
beforeAll(async () => {
  mocks = await startMocks()
})
afterAll(() => mocks.close())

function chinaNow(offsetMs = 8 * 3_600_000): string {
  return new Date(Date.now() + offsetMs).toISOString().slice(0, 19).replace('T', ' ')
}

/** Signs as an app would, written out here so the test does not lean on the mock's own code. */
function signedForm(code: string, { privateKeyPem = mocks.alipayClientKeys.appPrivateKeyPem, ...overrides }: Record<string, string> = {}) {
  const params: Record<string, string> = {
    app_id: mocks.options.alipay.appId,
    method: 'alipay.system.oauth.token',
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: chinaNow(),
    version: '1.0',
    grant_type: 'authorization_code',
    code,
    ...overrides,
  }
  const content = Object.entries(params)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&')
  return new URLSearchParams({ ...params, sign: sign('sha256', Buffer.from(content), privateKeyPem).toString('base64') })
}

async function callGateway(form: URLSearchParams) {
  const response = await fetch(`${mocks.baseUrl}/alipay/gateway.do`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: form,
  })
  const text = await response.text()
  return { status: response.status, text, body: JSON.parse(text) as GatewayBody }
}

describe('Alipay gateway mock', () => {
  it('exchanges a dev code and signs the exact response text with the platform key', async () => {
    const { status, text, body } = await callGateway(signedForm('dev:alice'))
    expect(status).toBe(200)
    expect(body.alipay_system_oauth_token_response).toMatchObject({
      user_id: alipayUserId('alice'),
      open_id: alipayOpenId(mocks.options.alipay.appId, 'alice'),
      expires_in: 1296000,
      re_expires_in: 2592000,
    })
    const signedText = /^\{"alipay_system_oauth_token_response":(\{.*\}),"sign":"[^"]+"\}$/.exec(text)?.[1] ?? ''
    const platformPublicKey = createPublicKey(mocks.alipayClientKeys.alipayPublicKeyPem)
    expect(verify('sha256', Buffer.from(signedText), platformPublicKey, Buffer.from(body.sign ?? '', 'base64'))).toBe(true)
  })

  it('refuses a request signed with a key other than the registered app key', async () => {
    const { body } = await callGateway(signedForm('dev:alice', { privateKeyPem: generateRsaKeyPair().privateKeyPem }))
    expect(body.error_response).toMatchObject({ code: '40002', sub_code: 'isv.invalid-signature' })
    expect(body.error_response?.sub_msg).toMatch(/^验签出错/)
    expect(body.sign).toEqual(expect.any(String))
  })

  it('refuses a request whose parameters changed after signing', async () => {
    const form = signedForm('dev:alice')
    form.set('code', 'dev:mallory')
    expect((await callGateway(form)).body.error_response?.sub_code).toBe('isv.invalid-signature')
  })

  it('answers an unknown app unsigned, since it has no key to sign with', async () => {
    const { body } = await callGateway(signedForm('dev:alice', { app_id: '2021999999999999' }))
    expect(body.error_response?.sub_code).toBe('isv.invalid-app-id')
    expect(body.sign).toBeUndefined()
  })

  it('refuses a timestamp in UTC instead of China time', async () => {
    const { body } = await callGateway(signedForm('dev:alice', { timestamp: chinaNow(0) }))
    expect(body.error_response?.sub_code).toBe('isv.invalid-timestamp')
  })

  it('refuses an unknown code and a spent one alike', async () => {
    expect((await callGateway(signedForm('4b203fe6c11548bcabd8da5bb087a83b'))).body.error_response?.sub_code).toBe('isv.code-invalid')
    const code = await mocks.issueCode({ platform: 'alipay', name: 'carol' })
    expect((await callGateway(signedForm(code))).body.alipay_system_oauth_token_response?.user_id).toBe(alipayUserId('carol'))
    expect((await callGateway(signedForm(code))).body.error_response?.sub_code).toBe('isv.code-invalid')
  })
})
