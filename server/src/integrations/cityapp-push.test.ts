import { cityAppIdentity } from '@xinfang/mocks/dev-identities'
import { describe, expect, it } from 'vitest'
import { caseUpdate, useMocks } from './adapter-test-kit'
import { createCityAppPushClient, type CityAppPushOptions } from './cityapp-push'

const mocksOf = useMocks()

function pushClient(overrides: Partial<CityAppPushOptions> = {}) {
  return createCityAppPushClient({
    baseUrl: `${mocksOf().baseUrl}/cityapp`,
    clientId: mocksOf().options.cityapp.clientId,
    clientSecret: mocksOf().options.cityapp.clientSecret,
    timeoutMs: 2000,
    retries: 1,
    ...overrides,
  })
}

const alice = () => cityAppIdentity('alice').sub

describe('city app push', () => {
  it('posts a signed message to the resident', async () => {
    expect(await pushClient().send(alice(), caseUpdate())).toEqual({ outcome: 'sent', receipt: expect.any(String) })
    const [call] = await mocksOf().calls('cityapp')
    expect(call).toMatchObject({ method: 'POST', path: '/cityapp/push/v1/messages', status: 202 })
    expect(call?.body).toEqual({
      userId: alice(),
      title: '诉求进度：已受理',
      body: '您的诉求已受理，将在法定期限内答复（编号4821-0937-5516，小区供暖温度不达标）',
      link: 'pages/case-detail/index?id=c_test',
    })
  })

  it('calls a resident who turned notifications off a refusal', async () => {
    const sub = cityAppIdentity('quiet').sub
    await mocksOf().optOut({ platform: 'cityapp', userId: sub })
    expect(await pushClient().send(sub, caseUpdate())).toEqual({ outcome: 'refused', reason: expect.stringContaining('push_disabled') })
  })

  it('calls an unknown user a refusal', async () => {
    expect(await pushClient().send('not-a-subject', caseUpdate())).toEqual({ outcome: 'refused', reason: expect.stringContaining('user_not_found') })
  })

  it('calls a signature made with the wrong secret a retry later', async () => {
    expect(await pushClient({ clientSecret: 'wrong' }).send(alice(), caseUpdate())).toEqual({ outcome: 'retry', reason: expect.stringContaining('invalid_signature') })
  })

  it('rides out one rate-limit answer by retrying, and calls a lasting one a retry later', async () => {
    await mocksOf().injectFault({ platform: 'cityapp', mode: 'busy' })
    expect((await pushClient().send(alice(), caseUpdate())).outcome).toBe('sent')
    await mocksOf().injectFault({ platform: 'cityapp', mode: 'busy', count: 2 })
    expect(await pushClient().send(alice(), caseUpdate())).toEqual({ outcome: 'retry', reason: expect.stringContaining('HTTP 429') })
  })
})
