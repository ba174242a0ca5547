import { cityAppIdentity } from '@xinfang/mocks/dev-identities'
import { startMocks, type RunningMocks } from '@xinfang/mocks/start-mocks'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createCityAppClient, type CityAppClientOptions } from './cityapp'
import { IntegrationError } from './http-client'

let mocks: RunningMocks
beforeAll(async () => {
  mocks = await startMocks()
})
afterAll(() => mocks.close())
beforeEach(() => mocks.clearCalls())

function cityAppClient(overrides: Partial<CityAppClientOptions> = {}) {
  return createCityAppClient({
    baseUrl: `${mocks.baseUrl}/cityapp`,
    clientId: mocks.options.cityapp.clientId,
    clientSecret: mocks.options.cityapp.clientSecret,
    timeoutMs: 2000,
    retries: 2,
    ...overrides,
  })
}

async function failureOf(promise: Promise<unknown>): Promise<IntegrationError> {
  const error = await promise.then(() => null, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(IntegrationError)
  return error as IntegrationError
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
    expect((await mocks.calls('cityapp')).map((call) => call.path)).toEqual([
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
    const ticket = await mocks.issueCode({ platform: 'cityapp', name: 'carol' })
    await cityAppClient().exchangeTicket(ticket)
    expect(await failureOf(cityAppClient().exchangeTicket(ticket))).toMatchObject({ kind: 'rejected', detail: { error: 'invalid_grant' } })
  })

  it('calls refused client credentials unavailable', async () => {
    const error = await failureOf(cityAppClient({ clientSecret: 'wrong' }).exchangeTicket('dev:alice'))
    expect(error).toMatchObject({ kind: 'unavailable', detail: { status: 401, error: 'invalid_client' } })
  })

  it('recovers from a 503 on either call by retrying', async () => {
    await mocks.injectFault({ platform: 'cityapp', mode: 'fail', count: 1 })
    expect((await cityAppClient().exchangeTicket('dev:alice')).subject).toBe(cityAppIdentity('alice').sub)
    expect((await mocks.calls('cityapp')).map((call) => call.status)).toEqual([503, 200, 200])
  })

  it('gives up on a stalled city app within its timeout budget', async () => {
    await mocks.injectFault({ platform: 'cityapp', mode: 'slow', count: 2, delayMs: 5000 })
    const startedAt = performance.now()
    const error = await failureOf(cityAppClient({ timeoutMs: 200, retries: 1 }).exchangeTicket('dev:alice'))
    expect(error).toMatchObject({ kind: 'unavailable', detail: { attempts: 2 } })
    expect(performance.now() - startedAt).toBeLessThan(1500)
  })
})
