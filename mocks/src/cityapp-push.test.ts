import { createHmac, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityAppIdentity } from './dev-identities'
import { startMocks, type RunningMocks } from './start-mocks'

let mocks: RunningMocks
beforeAll(async () => {
  mocks = await startMocks()
})
afterAll(() => mocks.close())

function signedPush(message: unknown, { secret = mocks.options.cityapp.clientSecret, timestamp = Date.now(), nonce = randomBytes(16).toString('hex') } = {}) {
  const body = JSON.stringify(message)
  const signature = createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${body}`).digest('base64')
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-cityapp-client-id': mocks.options.cityapp.clientId,
      'x-cityapp-timestamp': String(timestamp),
      'x-cityapp-nonce': nonce,
      'x-cityapp-signature': signature,
    },
    body,
  }
}

async function push(init: RequestInit) {
  const response = await fetch(`${mocks.baseUrl}/cityapp/push/v1/messages`, init)
  return { status: response.status, body: (await response.json()) as Record<string, string> }
}

const message = () => ({ userId: cityAppIdentity('alice').sub, title: '诉求进度：已受理', body: '您的诉求已受理', link: 'pages/case-detail/index?id=c_1' })

describe('city app push mock', () => {
  it('accepts a signed message for a known user', async () => {
    expect(await push(signedPush(message()))).toEqual({ status: 202, body: { messageId: expect.any(String), status: 'accepted' } })
  })

  it('refuses a wrong secret, a replayed nonce and a stale timestamp', async () => {
    expect((await push(signedPush(message(), { secret: 'wrong' }))).body.error).toBe('invalid_signature')
    const init = signedPush(message())
    expect((await push(init)).status).toBe(202)
    expect(await push(init)).toMatchObject({ status: 401, body: { error: 'replayed_nonce' } })
    expect((await push(signedPush(message(), { timestamp: Date.now() - 10 * 60_000 }))).body.error).toBe('invalid_timestamp')
  })

  it('refuses a body changed after signing', async () => {
    const init = signedPush(message())
    expect((await push({ ...init, body: JSON.stringify({ ...message(), body: '改过的内容' }) })).body.error).toBe('invalid_signature')
  })

  it('tells an opted-out user from an unknown one', async () => {
    await mocks.optOut({ platform: 'cityapp', userId: cityAppIdentity('quiet').sub })
    expect(await push(signedPush({ ...message(), userId: cityAppIdentity('quiet').sub }))).toMatchObject({ status: 403, body: { error: 'push_disabled' } })
    expect(await push(signedPush({ ...message(), userId: 'nobody' }))).toMatchObject({ status: 404, body: { error: 'user_not_found' } })
  })
})
