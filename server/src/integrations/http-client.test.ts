import { createServer } from 'node:net'
import { startMocks, type RunningMocks } from '@xinfang/mocks/start-mocks'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createHttpClient, IntegrationError } from './http-client'

let mocks: RunningMocks
beforeAll(async () => {
  mocks = await startMocks()
})
afterAll(() => mocks.close())
beforeEach(() => mocks.clearCalls())

const http = createHttpClient({ platform: 'cityapp', timeoutMs: 1000, retries: 2, retryDelayMs: 10 })

async function failureOf(promise: Promise<unknown>): Promise<IntegrationError> {
  const error = await promise.then(() => null, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(IntegrationError)
  return error as IntegrationError
}

/** A port nothing listens on: bound by the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

describe('http client', () => {
  it('returns a 4xx answer as it is, without retrying', async () => {
    const response = await http.request({
      operation: 'token',
      method: 'POST',
      url: new URL(`${mocks.baseUrl}/cityapp/oauth2/token`),
      form: { grant_type: 'urn:cityapp:ticket', ticket: 'dev:alice', client_id: 'nobody', client_secret: 'x' },
    })
    expect(response.status).toBe(401)
    expect(response.body).toMatchObject({ error: 'invalid_client' })
    expect(await mocks.calls('cityapp')).toHaveLength(1)
  })

  it('sends JSON bodies and query parameters', async () => {
    const response = await http.request({
      operation: 'token',
      method: 'POST',
      url: new URL(`${mocks.baseUrl}/cityapp/oauth2/token`),
      query: { trace: '1' },
      json: { grant_type: 'urn:cityapp:ticket', ticket: 'dev:alice', ...credentials() },
    })
    expect(response.status).toBe(200)
    expect((await mocks.calls('cityapp'))[0]?.query).toEqual({ trace: '1' })
  })

  it('stops retrying 5xx after the configured retries and reports the platform unavailable', async () => {
    await mocks.injectFault({ platform: 'cityapp', mode: 'fail', count: 3 })
    const error = await failureOf(http.request({ operation: 'userinfo', method: 'GET', url: new URL(`${mocks.baseUrl}/cityapp/oauth2/userinfo`) }))
    expect(error).toMatchObject({ platform: 'cityapp', kind: 'unavailable', detail: { attempts: 3, status: 503 } })
    expect(await mocks.calls('cityapp')).toHaveLength(3)
  })

  it('reports a body that is not JSON as a bad response', async () => {
    // arming "no fault" answers 204 with an empty body
    const url = new URL(`${mocks.baseUrl}/__mocks/faults`)
    const error = await failureOf(http.request({ operation: 'faults', method: 'POST', url, json: { platform: 'cityapp', mode: 'none' } }))
    expect(error).toMatchObject({ kind: 'bad_response', detail: { status: 204 } })
  })

  it('reports a refused connection unavailable, naming the system error', async () => {
    const error = await failureOf(http.request({ operation: 'token', method: 'GET', url: new URL(`http://127.0.0.1:${await closedPort()}/`) }))
    expect(error).toMatchObject({ kind: 'unavailable', detail: { attempts: 3 } })
    expect(error.message).toContain('ECONNREFUSED')
  })
})

function credentials() {
  return { client_id: mocks.options.cityapp.clientId, client_secret: mocks.options.cityapp.clientSecret }
}
