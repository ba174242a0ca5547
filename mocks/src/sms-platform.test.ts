import { createHmac, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMocks, type RunningMocks } from './start-mocks'

let mocks: RunningMocks
beforeAll(async () => {
  mocks = await startMocks()
})
afterAll(() => mocks.close())

/** Signs as a client would, written out here so the test does not lean on the mock's own code. */
function signedForm(overrides: Record<string, string> = {}, secret = mocks.options.sms.accessKeySecret) {
  const params: Record<string, string> = {
    AccessKeyId: mocks.options.sms.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    PhoneNumbers: '13800138000',
    SignName: mocks.options.sms.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: randomUUID(),
    SignatureVersion: '1.0',
    TemplateCode: mocks.options.sms.templateCode,
    TemplateParam: JSON.stringify({ no: '4821-0937-5516', status: '办理中', detail: '已受理 (见*说明)' }),
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: '2017-05-25',
    ...overrides,
  }
  const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const canonical = Object.keys(params).sort().map((key) => `${encode(key)}=${encode(params[key] ?? '')}`).join('&')
  const signature = createHmac('sha1', `${secret}&`).update(`POST&%2F&${encode(canonical)}`).digest('base64')
  return new URLSearchParams({ ...params, Signature: signature })
}

async function sendSms(form: URLSearchParams) {
  const response = await fetch(`${mocks.baseUrl}/sms/`, { method: 'POST', body: form })
  return { status: response.status, body: (await response.json()) as Record<string, string> }
}

describe('Aliyun SMS mock', () => {
  it('sends a correctly signed SendSms, escaping included', async () => {
    const { status, body } = await sendSms(signedForm())
    expect(status).toBe(200)
    expect(body).toEqual({ Code: 'OK', Message: 'OK', BizId: expect.stringMatching(/^\d{18}\^0$/), RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/) })
  })

  it('refuses a request changed after signing, a replayed nonce and an unknown key', async () => {
    const tampered = signedForm()
    tampered.set('PhoneNumbers', '13900000000')
    expect(await sendSms(tampered)).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } })
    const form = signedForm()
    expect((await sendSms(form)).body.Code).toBe('OK')
    expect(await sendSms(form)).toMatchObject({ status: 400, body: { Code: 'SignatureNonceUsed' } })
    expect(await sendSms(signedForm({ AccessKeyId: 'LTAI-unknown' }))).toMatchObject({ status: 404, body: { Code: 'InvalidAccessKeyId.NotFound' } })
  })

  it('answers business refusals with HTTP 200 and a code', async () => {
    expect((await sendSms(signedForm({ PhoneNumbers: '1380013' }))).body).toMatchObject({ Code: 'isv.MOBILE_NUMBER_ILLEGAL' })
    expect((await sendSms(signedForm({ TemplateParam: JSON.stringify({ no: '1', status: '2', detail: 'x'.repeat(36) }) }))).body).toMatchObject({ Code: 'isv.PARAM_LENGTH_LIMIT' })
    expect((await sendSms(signedForm({ SignName: '别的签名' }))).body).toMatchObject({ Code: 'isv.SMS_SIGNATURE_ILLEGAL' })
  })

  it('refuses a timestamp in China time instead of UTC', async () => {
    const chinaTime = new Date(Date.now() + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    expect((await sendSms(signedForm({ Timestamp: chinaTime }))).body.Code).toBe('InvalidTimeStamp.Expired')
  })
})
