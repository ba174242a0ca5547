import { alipayOpenId, alipayUserId } from '@xinfang/mocks/dev-identities'
import { generateRsaKeyPair } from '@xinfang/mocks/start-mocks'
import { describe, expect, it } from 'vitest'
import { caseUpdate, useMocks } from './adapter-test-kit'
import { createAlipayTemplateMessageClient, type AlipayTemplateMessageOptions } from './alipay-template-message'

const mocksOf = useMocks()

function templateClient(overrides: Partial<AlipayTemplateMessageOptions> = {}) {
  return createAlipayTemplateMessageClient({
    gatewayUrl: `${mocksOf().baseUrl}/alipay/gateway.do`,
    appId: mocksOf().options.alipay.appId,
    ...mocksOf().alipayClientKeys,
    userTemplateId: mocksOf().options.alipay.noticeTemplateId,
    timeoutMs: 2000,
    retries: 1,
    ...overrides,
  })
}

async function lastBizContent() {
  const call = (await mocksOf().calls('alipay')).at(-1)
  return JSON.parse((call?.body as { biz_content: string }).biz_content) as Record<string, unknown>
}

describe('Alipay template message', () => {
  it('sends a signed gateway call whose biz_content carries data as a JSON text', async () => {
    const result = await templateClient().send(alipayUserId('alice'), caseUpdate())
    expect(result).toEqual({ outcome: 'sent', receipt: expect.any(String) })
    const [call] = await mocksOf().calls('alipay')
    expect(call?.body).toMatchObject({ method: 'alipay.open.app.mini.templatemessage.send', sign_type: 'RSA2', sign: expect.any(String) })
    const biz = await lastBizContent()
    expect(biz).toMatchObject({ to_user_id: alipayUserId('alice'), user_template_id: mocksOf().options.alipay.noticeTemplateId, page: 'pages/case-detail/index?id=c_test' })
    expect(JSON.parse(biz.data as string)).toEqual({
      keyword1: { value: '4821-0937-5516' },
      keyword2: { value: '小区供暖温度不达标' },
      keyword3: { value: '办理中' },
      keyword4: { value: '2025-01-06 10:30' },
      keyword5: { value: '您的诉求已受理，将在法定期限内答复' },
    })
  })

  it('addresses a resident known only by open_id with to_open_id', async () => {
    const openId = alipayOpenId(mocksOf().options.alipay.appId, 'alice')
    expect((await templateClient().send(openId, caseUpdate())).outcome).toBe('sent')
    expect(await lastBizContent()).toMatchObject({ to_open_id: openId })
  })

  it('calls a business failure (40004) a refusal', async () => {
    await mocksOf().optOut({ platform: 'alipay', userId: alipayUserId('no-subscription') })
    const result = await templateClient().send(alipayUserId('no-subscription'), caseUpdate())
    expect(result).toEqual({ outcome: 'refused', reason: expect.stringContaining('40004') })
  })

  it('calls a busy gateway (20000) a retry later', async () => {
    await mocksOf().injectFault({ platform: 'alipay', mode: 'busy' })
    expect(await templateClient().send(alipayUserId('alice'), caseUpdate())).toEqual({ outcome: 'retry', reason: expect.stringContaining('20000') })
  })

  it('calls our signature refused a retry later, for someone to fix the keys', async () => {
    const result = await templateClient({ appPrivateKeyPem: generateRsaKeyPair().privateKeyPem }).send(alipayUserId('alice'), caseUpdate())
    expect(result).toEqual({ outcome: 'retry', reason: expect.stringContaining('isv.invalid-signature') })
  })

  it('calls an answer that does not verify a retry later', async () => {
    const result = await templateClient({ alipayPublicKeyPem: generateRsaKeyPair().publicKeyPem }).send(alipayUserId('alice'), caseUpdate())
    expect(result).toEqual({ outcome: 'retry', reason: expect.stringContaining('signature') })
  })
})
