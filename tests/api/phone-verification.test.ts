import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devPhoneNumber } from '@xinfang/mocks/dev-identities'
import { loginResident } from '../support/actors'
import { expectError } from '../support/client'
import { startStack, type Stack } from '../support/stack'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack.close())

const verifyPhone = (token: string, body: unknown) => stack.api.post('/api/v1/auth/phone', body, { token })
const me = async (token: string) => (await stack.api.get('/api/v1/auth/me', { token })).body

describe('POST /api/v1/auth/phone', () => {
  it('lets a WeChat resident prove their number with the code from the phone-number button', async () => {
    const { token } = await loginResident(stack.api, 'alice', 'wechat')
    expect(await me(token)).toMatchObject({ platform: 'wechat', phoneVerified: false })

    const response = await verifyPhone(token, { platform: 'wechat', code: 'dev-phone:alice' })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ kind: 'resident', platform: 'wechat', phoneVerified: true })
    expect(await me(token)).toMatchObject({ phoneVerified: true })
  })

  it('refuses a spent code in words the resident can act on, and keeps them signed in', async () => {
    const { token } = await loginResident(stack.api, 'bob', 'wechat')
    expect((await verifyPhone(token, { platform: 'wechat', code: 'dev-phone:bob' })).status).toBe(200)
    const reused = await verifyPhone(token, { platform: 'wechat', code: 'dev-phone:bob' })
    expectError(reused, 400, 'PHONE_CODE_INVALID')
    expect(reused.body.message).toBe('手机号验证没有成功，请重新授权')
    expect((await stack.api.get('/api/v1/auth/me', { token })).status).toBe(200)
  })

  it('lets an Alipay resident prove their number with what my.getPhoneNumber gave the app, and refuses it forged', async () => {
    const { token } = await loginResident(stack.api, 'carol', 'alipay')
    const { response, sign } = await stack.mocks.alipayPhoneNumber('carol')
    expectError(await verifyPhone(token, { platform: 'alipay', response, sign: sign.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }), 400, 'PHONE_CODE_INVALID')
    expect(await me(token)).toMatchObject({ phoneVerified: false })
    expect((await verifyPhone(token, { platform: 'alipay', response, sign })).body).toMatchObject({ platform: 'alipay', phoneVerified: true })
  })

  it('accepts a number only through the platform the resident signed in with', async () => {
    const wechat = await loginResident(stack.api, 'dave', 'wechat')
    const sealed = await stack.mocks.alipayPhoneNumber('dave')
    expectError(await verifyPhone(wechat.token, { platform: 'alipay', response: sealed.response, sign: sealed.sign }), 400, 'PHONE_PLATFORM_MISMATCH')
    const alipay = await loginResident(stack.api, 'dave', 'alipay')
    expectError(await verifyPhone(alipay.token, { platform: 'wechat', code: 'dev-phone:dave' }), 400, 'PHONE_PLATFORM_MISMATCH')
    expect(await me(wechat.token)).toMatchObject({ phoneVerified: false })
  })

  it('counts a real-name resident from the city app as verified already', async () => {
    const { token } = await loginResident(stack.api, 'erin', 'cityapp')
    expect(await me(token)).toMatchObject({ verified: true, phoneVerified: true })
  })

  it('is for residents only, and refuses a body of neither shape', async () => {
    expectError(await stack.api.post('/api/v1/auth/phone', { platform: 'wechat', code: 'dev-phone:x' }), 401, 'UNAUTHENTICATED')
    const { token } = await loginResident(stack.api, 'frank', 'wechat')
    expectError(await verifyPhone(token, { platform: 'wechat', response: 'x', sign: 'y' }), 400, 'VALIDATION_FAILED')
  })

  it('never writes the verified number into the database file in clear', async () => {
    const raw = await stack.storedBytes()
    expect(raw.length).toBeGreaterThan(0)
    for (const name of ['alice', 'bob', 'carol']) {
      expect(raw.includes(Buffer.from(devPhoneNumber(name))), `${name}'s number found in the database file`).toBe(false)
    }
  })
})
