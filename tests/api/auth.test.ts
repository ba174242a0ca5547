import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident, loginStaff } from '../support/actors'
import { DEMO_PASSWORD, startStack, type Stack } from '../support/stack'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack.close())

describe('resident logins through each platform mock', () => {
  it.each([
    ['wechat', { code: 'dev:alice' }, '微信用户'],
    ['alipay', { authCode: 'dev:alice' }, '支付宝用户'],
  ] as const)('%s: a dev code maps to the same resident every time', async (platform, body, displayName) => {
    const first = await stack.api.post(`/api/v1/auth/${platform}`, body)
    const second = await stack.api.post(`/api/v1/auth/${platform}`, body)
    expect(first.status).toBe(200)
    expect(first.body.user).toMatchObject({ kind: 'resident', platform, displayName, verified: false })
    expect(second.body.user.id).toBe(first.body.user.id)
    expect(first.body.expiresIn).toBe(900)
    const calls = await stack.mocks.calls(platform)
    expect(calls.length).toBeGreaterThanOrEqual(2)
  })

  it('cityapp: a ticket yields a real-name verified resident, name masked', async () => {
    const login = await stack.api.post('/api/v1/auth/cityapp', { ticket: 'dev:张伟' })
    expect(login.status).toBe(200)
    expect(login.body.user).toMatchObject({ platform: 'cityapp', verified: true, displayName: '张*' })
    const me = await stack.api.get('/api/v1/auth/me', { token: login.body.token })
    expect(me.body).toEqual(login.body.user)
  })

  it('different platforms are different accounts, and different names different residents', async () => {
    const ids = await Promise.all([
      loginResident(stack.api, 'zoe', 'wechat'),
      loginResident(stack.api, 'zoe', 'alipay'),
      loginResident(stack.api, 'zoe', 'cityapp'),
      loginResident(stack.api, 'yan', 'wechat'),
    ])
    expect(new Set(ids.map((l) => l.user.id)).size).toBe(4)
  })

  it.each([
    ['wechat', { code: 'not-a-real-code' }],
    ['alipay', { authCode: 'not-a-real-code' }],
    ['cityapp', { ticket: 'not-a-real-ticket' }],
  ] as const)('%s: a code the platform refuses is LOGIN_CODE_INVALID', async (platform, body) => {
    expectError(await stack.api.post(`/api/v1/auth/${platform}`, body), 401, 'LOGIN_CODE_INVALID')
  })

  it('a platform that keeps failing is PLATFORM_UNAVAILABLE, and one failure is retried away', async () => {
    await stack.mocks.injectFault({ platform: 'wechat', mode: 'fail', count: 5 })
    const down = await stack.api.post('/api/v1/auth/wechat', { code: 'dev:alice' })
    expectError(down, 503, 'PLATFORM_UNAVAILABLE')
    expect(down.body.message).toContain('微信')
    await stack.mocks.injectFault({ platform: 'wechat', mode: 'none' })
    await stack.mocks.injectFault({ platform: 'wechat', mode: 'fail', count: 1 })
    expect((await stack.api.post('/api/v1/auth/wechat', { code: 'dev:alice' })).status).toBe(200)
  })
})

describe('staff login', () => {
  it('signs in a demo account with its role and jurisdiction', async () => {
    const login = await loginStaff(stack.api, 'jinshui.office')
    expect(login.user).toMatchObject({ kind: 'staff', role: 'office', unit: 'petition', region: 'jinshui', unitName: '郑州市信访局', regionName: '金水区' })
  })

  it('answers a wrong password and an unknown user alike', async () => {
    expectError(await stack.api.post('/api/v1/auth/staff', { username: 'jinshui.office', password: 'wrong-password' }), 401, 'LOGIN_FAILED')
    expectError(await stack.api.post('/api/v1/auth/staff', { username: 'nobody.here', password: DEMO_PASSWORD }), 401, 'LOGIN_FAILED')
  })
})

describe('tokens', () => {
  it('rotates refresh tokens: each works once and the new one works', async () => {
    const alice = await loginResident(stack.api, 'alice')
    const next = await stack.api.post('/api/v1/auth/refresh', { refreshToken: alice.refreshToken })
    expect(next.status).toBe(200)
    expect(next.body.refreshToken).not.toBe(alice.refreshToken)
    expect(next.body.user.id).toBe(alice.user.id)
    const after = await stack.api.post('/api/v1/auth/refresh', { refreshToken: next.body.refreshToken })
    expect(after.status).toBe(200)
  })

  it('revokes the whole family when a used refresh token comes back', async () => {
    const staff = await loginStaff(stack.api, 'city.office')
    const next = await stack.api.post('/api/v1/auth/refresh', { refreshToken: staff.refreshToken })
    const stolen = await stack.api.post('/api/v1/auth/refresh', { refreshToken: staff.refreshToken })
    expectError(stolen, 401, 'REFRESH_TOKEN_REUSED')
    // the legitimate holder's newer token died with the family
    expectError(await stack.api.post('/api/v1/auth/refresh', { refreshToken: next.body.refreshToken }), 401, 'REFRESH_TOKEN_INVALID')
  })

  it('logs out: the family stops working', async () => {
    const alice = await loginResident(stack.api, 'alice')
    expect((await stack.api.post('/api/v1/auth/logout', { refreshToken: alice.refreshToken })).status).toBe(204)
    expectError(await stack.api.post('/api/v1/auth/refresh', { refreshToken: alice.refreshToken }), 401, 'REFRESH_TOKEN_INVALID')
  })

  it('refuses a missing, tampered, foreign or expired access token', async () => {
    const alice = await loginResident(stack.api, 'alice')
    expectError(await stack.api.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED')
    const [head, payload, signature] = alice.token.split('.')
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: 'r_someone_else' })).toString('base64url')
    expectError(await stack.api.get('/api/v1/auth/me', { token: `${head}.${forged}.${signature}` }), 401, 'TOKEN_INVALID')
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`
    expectError(await stack.api.get('/api/v1/auth/me', { token: unsigned }), 401, 'TOKEN_INVALID')
    const expired = stack.app.signAccessToken({ type: 'resident', id: alice.user.id }, 1)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expectError(await stack.api.get('/api/v1/auth/me', { token: expired }), 401, 'TOKEN_EXPIRED')
  })
})
