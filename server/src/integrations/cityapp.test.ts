import { cityAppIdentity } from '@xinfang/mocks/dev-identities'
import { describe, expect, it } from 'vitest'
import { failureOf, useMocks } from './adapter-test-kit'
import { createCityAppClient, type CityAppClientOptions } from './cityapp'

const mocksOf = useMocks()

function cityAppClient(overrides: Partial<CityAppClientOptions> = {}) {
  return createCityAppClient({
    baseUrl: `${mocksOf().baseUrl}/cityapp`,
    clientId: mocksOf().options.cityapp.clientId,
    clientSecret: mocksOf().options.cityapp.clientSecret,
    timeoutMs: 2000,
    retries: 2,
    ...overrides,
  })
}

describe('city app ticket exchange', () => {
  it('knows dev:alice as the same real-name resident every time, and dev:bob as another', async () => {
    const client = cityAppClient()
    const expected = cityAppIdentity('alice')
    const alice = await client.exchangeTicket('dev:alice')
    expect(alice).toEqual({
      subject: expected.sub,
      name: expected.name,
      phone: expected.mobile,
      idNumber: expected.idCardNo,
      verified: true,
    })
    expect(await client.exchangeTicket('dev:alice')).toEqual(alice)
    expect((await client.exchangeTicket('dev:bob')).subject).not.toBe(alice.subject)
    expect((await mocksOf().calls('cityapp')).map((call) => call.path)).toEqual([
      '/cityapp/oauth2/token',
      '/cityapp/oauth2/userinfo',
      '/cityapp/oauth2/token',
      '/cityapp/oauth2/userinfo',
      '/cityapp/oauth2/token',
      '/cityapp/oauth2/userinfo',
    ])
  })

  it('calls an invalid or spent ticket rejected', async () => {
    expect(await failureOf(cityAppClient().exchangeTicket('ST-made-up'))).toMatchObject({ platform: 'cityapp', kind: 'rejected' })
    const ticket = await mocksOf().issueCode({ platform: 'cityapp', name: 'carol' })
    await cityAppClient().exchangeTicket(ticket)
    expect(await failureOf(cityAppClient().exchangeTicket(ticket))).toMatchObject({ kind: 'rejected', detail: { error: 'invalid_grant' } })
  })

  it('calls refused client credentials unavailable', async () => {
    const error = await failureOf(cityAppClient({ clientSecret: 'wrong' }).exchangeTicket('dev:alice'))
    expect(error).toMatchObject({ kind: 'unavailable', detail: { status: 401, error: 'invalid_client' } })
  })

  it('recovers from a 503 on either call by retrying', async () => {
    await mocksOf().injectFault({ platform: 'cityapp', mode: 'fail', count: 1 })
    expect((await cityAppClient().exchangeTicket('dev:alice')).subject).toBe(cityAppIdentity('alice').sub)
    expect((await mocksOf().calls('cityapp')).map((call) => call.status)).toEqual([503, 200, 200])
  })

  it('gives up on a stalled city app within its timeout budget', async () => {
    await mocksOf().injectFault({ platform: 'cityapp', mode: 'slow', count: 2, delayMs: 5000 })
    const startedAt = performance.now()
    const error = await failureOf(cityAppClient({ timeoutMs: 200, retries: 1 }).exchangeTicket('dev:alice'))
    expect(error).toMatchObject({ kind: 'unavailable', detail: { attempts: 2 } })
    expect(performance.now() - startedAt).toBeLessThan(1500)
  })
})
