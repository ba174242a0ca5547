import { describe, expect, it } from 'vitest'
import { caseUpdate, useMocks } from './adapter-test-kit'
import { createAliyunSmsClient, type AliyunSmsOptions } from './aliyun-sms'

const mocksOf = useMocks()

function smsClient(overrides: Partial<AliyunSmsOptions> = {}) {
  const { sms } = mocksOf().options
  return createAliyunSmsClient({ baseUrl: `${mocksOf().baseUrl}/sms`, ...sms, timeoutMs: 2000, retries: 1, ...overrides })
}

describe('Aliyun SendSms', () => {
  it('sends a signed RPC call with the template variables as JSON', async () => {
    expect(await smsClient().send('13800138000', caseUpdate())).toEqual({ outcome: 'sent', receipt: expect.stringMatching(/^\d+\^0$/) })
    const [call] = await mocksOf().calls('sms')
    expect(call).toMatchObject({ method: 'POST', path: '/sms/', status: 200 })
    expect(call?.body).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      Format: 'JSON',
      AccessKeyId: mocksOf().options.sms.accessKeyId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: expect.stringMatching(/^[0-9a-f-]{36}$/),
      Timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      PhoneNumbers: '13800138000',
      SignName: mocksOf().options.sms.signName,
      TemplateCode: mocksOf().options.sms.templateCode,
      Signature: expect.stringMatching(/^[A-Za-z0-9+/]{27}=$/),
    })
    expect(JSON.parse((call?.body as { TemplateParam: string }).TemplateParam)).toEqual({ no: '4821-0937-5516', status: '办理中', detail: '您的诉求已受理，将在法定期限内答复' })
  })

  it('sends staff their own template, with the same variables', async () => {
    expect((await smsClient().send('13800138000', caseUpdate({ audience: 'staff', statusLabel: '即将超期', message: '答复期限将于2026-10-23届满，请抓紧办理' }))).outcome).toBe('sent')
    const [call] = await mocksOf().calls('sms')
    expect(call?.body).toMatchObject({ TemplateCode: mocksOf().options.sms.staffTemplateCode })
    expect(JSON.parse((call?.body as { TemplateParam: string }).TemplateParam)).toMatchObject({ status: '即将超期' })
  })

  it('keeps each template variable within 35 characters', async () => {
    const message = '您的诉求已由市城市管理局受理，承办人将在三个工作日内与您电话联系，请保持电话畅通，谢谢配合'
    expect((await smsClient().send('13800138000', caseUpdate({ message }))).outcome).toBe('sent')
  })

  it('calls an illegal number a refusal', async () => {
    expect(await smsClient().send('12345', caseUpdate())).toEqual({ outcome: 'refused', reason: expect.stringContaining('isv.MOBILE_NUMBER_ILLEGAL') })
  })

  it('calls flow control a retry later', async () => {
    await mocksOf().injectFault({ platform: 'sms', mode: 'busy' })
    expect(await smsClient().send('13800138000', caseUpdate())).toEqual({ outcome: 'retry', reason: expect.stringContaining('isv.BUSINESS_LIMIT_CONTROL') })
  })

  it('calls a wrong AccessKey secret a retry later, without the phone number in the reason', async () => {
    const result = await smsClient({ accessKeySecret: 'wrong' }).send('13800138000', caseUpdate())
    expect(result).toEqual({ outcome: 'retry', reason: 'sms: SendSms HTTP 400 SignatureDoesNotMatch' })
  })

  it('recovers from a 503 by retrying', async () => {
    await mocksOf().injectFault({ platform: 'sms', mode: 'fail' })
    expect((await smsClient().send('13800138000', caseUpdate())).outcome).toBe('sent')
    expect((await mocksOf().calls('sms')).map((call) => call.status)).toEqual([503, 200])
  })
})
