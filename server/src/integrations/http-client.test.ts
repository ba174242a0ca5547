import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { failureOf, useMocks } from './adapter-test-kit'
import { createHttpClient } from './http-client'

const mocksOf = useMocks()

const http = createHttpClient({ platform: 'cityapp', timeoutMs: 1000, retries: 2, retryDelayMs: 10 })

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
      url: new URL(`${mocksOf().baseUrl}/cityapp/oauth2/token`),
      form: { grant_type: 'urn:cityapp:ticket', ticket: 'dev:alice', client_id: 'nobody', client_secret: 'x' },
    })
    expect(response.status).toBe(401)
    expect(response.body).toMatchObject({ error: 'invalid_client' })
    expect(await mocksOf().calls('cityapp')).toHaveLength(1)
  })

  it('sends JSON bodies and query parameters', async () => {
    const response = await http.request({
      operation: 'token',
      method: 'POST',
      url: new URL(`${mocksOf().baseUrl}/cityapp/oauth2/token`),
      query: { trace: '1' },
      json: { grant_type: 'urn:cityapp:ticket', ticket: 'dev:alice', ...credentials() },
    })
    expect(response.status).toBe(200)
    expect((await mocksOf().calls('cityapp'))[0]?.query).toEqual({ trace: '1' })
  })

  it('stops retrying 5xx after the configured retries and reports the platform unavailable', async () => {
    await mocksOf().injectFault({ platform: 'cityapp', mode: 'fail', count: 3 })
    const error = await failureOf(http.request({ operation: 'userinfo', method: 'GET', url: new URL(`${mocksOf().baseUrl}/cityapp/oauth2/userinfo`) }))
    expect(error).toMatchObject({ platform: 'cityapp', kind: 'unavailable', detail: { attempts: 3, status: 503 } })
    expect(await mocksOf().calls('cityapp')).toHaveLength(3)
  })

  it('reports a body that is not JSON as a bad response', async () => {
    // arming "no fault" answers 204 with an empty body
    const url = new URL(`${mocksOf().baseUrl}/__mocks/faults`)
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
  return { client_id: mocksOf().options.cityapp.clientId, client_secret: mocksOf().options.cityapp.clientSecret }
}
