import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityAppIdentity } from './dev-identities'
import { startMocks, type RunningMocks } from './start-mocks'

let mocks: RunningMocks
beforeAll(async () => {
  mocks = await startMocks()
})
afterAll(() => mocks.close())

async function requestToken(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${mocks.baseUrl}/cityapp/oauth2/token`, { method: 'POST', headers, body: new URLSearchParams(fields) })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> }
}

function ticketGrant(ticket: string): Record<string, string> {
  const { clientId, clientSecret } = mocks.options.cityapp
  return { grant_type: 'urn:cityapp:ticket', ticket, client_id: clientId, client_secret: clientSecret }
}

async function userinfo(accessToken: string) {
  const response = await fetch(`${mocks.baseUrl}/cityapp/oauth2/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> }
}

describe('city app OAuth mock', () => {
  it('trades a dev ticket for a token, and the token for the real-name identity', async () => {
    const token = await requestToken(ticketGrant('dev:alice'))
    expect(token.status).toBe(200)
    expect(token.headers.get('cache-control')).toBe('no-store')
    expect(token.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 7200, scope: 'realname' })

    const alice = cityAppIdentity('alice')
    expect((await userinfo(String(token.body.access_token))).body).toEqual({
      sub: alice.sub,
      name: alice.name,
      mobile: alice.mobile,
      id_card_no: alice.idCardNo,
      real_name_verified: true,
      verify_level: 'L2',
    })
  })

  it('accepts JSON bodies and HTTP Basic client authentication too', async () => {
    const { client_id, client_secret, ...grant } = ticketGrant('dev:bob')
    const response = await fetch(`${mocks.baseUrl}/cityapp/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${client_id}:${client_secret}`).toString('base64')}`,
      },
      body: JSON.stringify(grant),
    })
    expect(response.status).toBe(200)
  })

  it('answers invalid_client with 401 for a wrong secret', async () => {
    const token = await requestToken({ ...ticketGrant('dev:alice'), client_secret: 'guessed' })
    expect(token.status).toBe(401)
    expect(token.body.error).toBe('invalid_client')
  })

  it('answers invalid_grant for an unknown ticket and for a spent one', async () => {
    expect((await requestToken(ticketGrant('ST-made-up'))).body).toMatchObject({ error: 'invalid_grant' })
    const ticket = await mocks.issueCode({ platform: 'cityapp', name: 'carol' })
    expect((await requestToken(ticketGrant(ticket))).status).toBe(200)
    const replay = await requestToken(ticketGrant(ticket))
    expect(replay.status).toBe(400)
    expect(replay.body).toEqual({ error: 'invalid_grant', error_description: 'ticket has already been used' })
  })

  it('refuses userinfo without a token it issued', async () => {
    const answer = await userinfo('not-a-token')
    expect(answer.status).toBe(401)
    expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"')
  })
})
