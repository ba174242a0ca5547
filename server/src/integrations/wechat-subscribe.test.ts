import { wechatOpenId } from '@xinfang/mocks/dev-identities'
import { describe, expect, it } from 'vitest'
import { caseUpdate, useMocks } from './adapter-test-kit'
import { createWechatServerApi, type WechatServerApiOptions } from './wechat-server-api'
import { createWechatSubscribeClient } from './wechat-subscribe'

const mocksOf = useMocks()

function subscribeClient(overrides: Partial<WechatServerApiOptions & { templateId: string }> = {}) {
  const { templateId = mocksOf().options.wechat.noticeTemplateId, ...apiOverrides } = overrides
  const api = createWechatServerApi({
    baseUrl: `${mocksOf().baseUrl}/wechat`,
    appId: mocksOf().options.wechat.appId,
    appSecret: mocksOf().options.wechat.appSecret,
    timeoutMs: 2000,
    retries: 1,
    ...apiOverrides,
  })
  return createWechatSubscribeClient({ api, templateId, miniprogramState: 'formal' })
}

const openIdOf = (name: string) => wechatOpenId(mocksOf().options.wechat.appId, name)
const paths = async () => (await mocksOf().calls('wechat')).map((call) => `${call.path} ${call.status}`)

describe('WeChat subscription message', () => {
  it('sends the template with the access token, in the platform format', async () => {
    const result = await subscribeClient().send(openIdOf('alice'), caseUpdate())
    expect(result).toEqual({ outcome: 'sent', receipt: expect.stringMatching(/^\d+$/) })
    const [token, send] = await mocksOf().calls('wechat')
    expect(token).toMatchObject({ method: 'GET', path: '/wechat/cgi-bin/token', query: { grant_type: 'client_credential', appid: mocksOf().options.wechat.appId, secret: '[redacted]' } })
    expect(send).toMatchObject({ method: 'POST', path: '/wechat/cgi-bin/message/subscribe/send', query: { access_token: '[redacted]' }, status: 200 })
    expect(send?.body).toEqual({
      touser: openIdOf('alice'),
      template_id: mocksOf().options.wechat.noticeTemplateId,
      page: 'pages/case-detail/index?id=c_test',
      miniprogram_state: 'formal',
      lang: 'zh_CN',
      data: {
        thing1: { value: '小区供暖温度不达标' },
        character_string2: { value: '4821-0937-5516' },
        phrase3: { value: '办理中' },
        time4: { value: '2025-01-06 10:30' },
        thing5: { value: '您的诉求已受理，将在法定期限内答复' },
      },
    })
  })

  it('keeps the access token for the next sends', async () => {
    const client = subscribeClient()
    await client.send(openIdOf('alice'), caseUpdate())
    await client.send(openIdOf('bob'), caseUpdate())
    expect((await paths()).filter((path) => path.includes('cgi-bin/token'))).toHaveLength(1)
  })

  it('cuts long values to what WeChat accepts instead of being refused', async () => {
    const title = '我们小区的二次供水水箱多年未清洗，水里有明显的异味和杂质'
    const result = await subscribeClient().send(openIdOf('alice'), caseUpdate({ title, message: title, statusLabel: '调解未成转入信访程序' }))
    expect(result.outcome).toBe('sent')
    const data = (await mocksOf().calls('wechat')).at(-1)?.body as { data: Record<string, { value: string }> }
    expect([...(data.data.thing1?.value ?? '')]).toHaveLength(20)
    expect(data.data.thing1?.value.endsWith('…')).toBe(true)
    expect(data.data.phrase3?.value).toBe('调解未成转')
  })

  it('calls a resident who did not subscribe a refusal (43101), without retrying', async () => {
    await mocksOf().optOut({ platform: 'wechat', userId: openIdOf('no-subscription') })
    const result = await subscribeClient().send(openIdOf('no-subscription'), caseUpdate())
    expect(result).toEqual({ outcome: 'refused', reason: expect.stringContaining('43101') })
    expect(await paths()).toHaveLength(2)
  })

  it('fetches a new token once when WeChat no longer takes the cached one (40001)', async () => {
    const client = subscribeClient()
    await client.send(openIdOf('alice'), caseUpdate())
    await mocksOf().revokeTokens()
    await mocksOf().clearCalls()
    expect((await client.send(openIdOf('alice'), caseUpdate())).outcome).toBe('sent')
    expect(await paths()).toEqual([
      '/wechat/cgi-bin/message/subscribe/send 200',
      '/wechat/cgi-bin/token 200',
      '/wechat/cgi-bin/message/subscribe/send 200',
    ])
  })

  it('calls a busy WeChat (-1) a retry later', async () => {
    const client = subscribeClient()
    await client.send(openIdOf('alice'), caseUpdate())
    await mocksOf().injectFault({ platform: 'wechat', mode: 'busy' })
    expect(await client.send(openIdOf('alice'), caseUpdate())).toEqual({ outcome: 'retry', reason: expect.stringContaining('-1') })
  })

  it('calls WeChat down after its retries a retry later', async () => {
    await mocksOf().injectFault({ platform: 'wechat', mode: 'fail', count: 2 })
    expect(await subscribeClient().send(openIdOf('alice'), caseUpdate())).toEqual({ outcome: 'retry', reason: expect.stringContaining('HTTP 503') })
  })

  it('calls a refused app secret a retry later, and does not repeat the secret', async () => {
    const result = await subscribeClient({ appSecret: 'wrong-secret-value' }).send(openIdOf('alice'), caseUpdate())
    expect(result).toEqual({ outcome: 'retry', reason: expect.stringContaining('40125') })
    expect(JSON.stringify(result)).not.toContain('wrong-secret-value')
  })

  it('calls a template WeChat does not know a refusal (40037)', async () => {
    const result = await subscribeClient({ templateId: 'not-our-template' }).send(openIdOf('alice'), caseUpdate())
    expect(result).toEqual({ outcome: 'refused', reason: expect.stringContaining('40037') })
  })
})
