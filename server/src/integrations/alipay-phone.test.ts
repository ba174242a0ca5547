import { DEV_CREDENTIALS } from '@xinfang/mocks/config'
import { devPhoneNumber } from '@xinfang/mocks/dev-identities'
import { generateRsaKeyPair } from '@xinfang/mocks/start-mocks'
import { describe, expect, it } from 'vitest'
import { failureOf, useMocks } from './adapter-test-kit'
import { createAlipayPhoneClient, type AlipayPhoneOptions } from './alipay-phone'

const mocksOf = useMocks()

const phoneClient = (overrides: Partial<AlipayPhoneOptions> = {}) =>
  createAlipayPhoneClient({ aesKey: DEV_CREDENTIALS.alipayAesKey, alipayPublicKeyPem: mocksOf().alipayClientKeys.alipayPublicKeyPem, ...overrides })

/** One base64 character changed, so the text stays well formed but says something else. */
const tamper = (base64: string, at = 4) => base64.slice(0, at) + (base64[at] === 'A' ? 'B' : 'A') + base64.slice(at + 1)

describe('Alipay phone number (my.getPhoneNumber)', () => {
  it('checks Alipay\'s signature and decrypts the number, without a network call', async () => {
    const sealed = await mocksOf().alipayPhoneNumber('alice')
    await mocksOf().clearCalls()
    expect(await phoneClient().phoneNumber({ response: sealed.response, sign: sealed.sign })).toEqual({ phone: devPhoneNumber('alice') })
    expect(await mocksOf().calls()).toEqual([])
  })

  it('refuses a tampered signature', async () => {
    const { response, sign } = await mocksOf().alipayPhoneNumber('alice')
    expect(await failureOf(phoneClient().phoneNumber({ response, sign: tamper(sign) }))).toMatchObject({ kind: 'rejected', platform: 'alipay' })
  })

  it('refuses a tampered ciphertext before decrypting it', async () => {
    const { response, sign } = await mocksOf().alipayPhoneNumber('alice')
    expect(await failureOf(phoneClient().phoneNumber({ response: tamper(response), sign }))).toMatchObject({ kind: 'rejected' })
  })

  it('refuses a number sealed for another resident under that resident\'s signature swapped in', async () => {
    const alice = await mocksOf().alipayPhoneNumber('alice')
    const bob = await mocksOf().alipayPhoneNumber('bob')
    expect(await failureOf(phoneClient().phoneNumber({ response: alice.response, sign: bob.sign }))).toMatchObject({ kind: 'rejected' })
  })

  it('refuses what another key signed', async () => {
    const { response, sign } = await mocksOf().alipayPhoneNumber('alice')
    const client = phoneClient({ alipayPublicKeyPem: generateRsaKeyPair().publicKeyPem })
    expect(await failureOf(client.phoneNumber({ response, sign }))).toMatchObject({ kind: 'rejected' })
  })

  it('calls a signed answer our AES key cannot read our configuration\'s fault', async () => {
    const { response, sign } = await mocksOf().alipayPhoneNumber('alice')
    const client = phoneClient({ aesKey: Buffer.from('another-16-bytes').toString('base64') })
    expect(await failureOf(client.phoneNumber({ response, sign }))).toMatchObject({ kind: 'unavailable' })
  })

  it('refuses to start with an AES key of the wrong length', () => {
    expect(() => phoneClient({ aesKey: Buffer.alloc(32).toString('base64') })).toThrow(/16 bytes/)
  })
})
