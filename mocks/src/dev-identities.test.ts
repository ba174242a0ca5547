import { describe, expect, it } from 'vitest'
import { alipayOpenId, alipayUserId, cityAppIdentity, devPhoneNumber, parseDevCode, parseDevPhoneCode, wechatOpenId, wechatUnionId } from './dev-identities'

/** GB 11643 read the other way round from the generator: Σ aᵢ·2^(18−i) ≡ 1 (mod 11), X standing for 10. */
function hasValidIdChecksum(idNumber: string): boolean {
  const sum = [...idNumber].reduce((total, character, index) => {
    const value = character === 'X' ? 10 : Number(character)
    return total + value * (2 ** (17 - index) % 11)
  }, 0)
  return sum % 11 === 1
}

describe('dev codes', () => {
  it('name the user after the prefix and nothing else', () => {
    expect(parseDevCode('dev:alice')).toBe('alice')
    expect(parseDevCode('dev:张伟')).toBe('张伟')
    expect(parseDevCode('dev:')).toBeNull()
    expect(parseDevCode('alice')).toBeNull()
    expect(parseDevCode(`dev:${'x'.repeat(65)}`)).toBeNull()
  })
})

describe('dev phone codes', () => {
  it('name the user, ignoring a suffix that only makes the code new', () => {
    expect(parseDevPhoneCode('dev-phone:alice')).toBe('alice')
    expect(parseDevPhoneCode('dev-phone:alice:7f3a')).toBe('alice')
    expect(parseDevPhoneCode('dev-phone:')).toBeNull()
    expect(parseDevPhoneCode('dev:alice')).toBeNull()
  })

  it('stand for the same mainland number the city app vouches for', () => {
    expect(devPhoneNumber('alice')).toMatch(/^1[3-9]\d{9}$/)
    expect(devPhoneNumber('alice')).toBe(cityAppIdentity('alice').mobile)
    expect(devPhoneNumber('alice')).not.toBe(devPhoneNumber('bob'))
  })
})

describe('WeChat and Alipay dev identities', () => {
  it('look like the real ids and depend only on their inputs', () => {
    expect(wechatOpenId('wx-a', 'alice')).toMatch(/^o[\w-]{27}$/)
    expect(wechatOpenId('wx-a', 'alice')).toBe(wechatOpenId('wx-a', 'alice'))
    expect(wechatOpenId('wx-a', 'alice')).not.toBe(wechatOpenId('wx-b', 'alice'))
    expect(wechatOpenId('wx-a', 'alice')).not.toBe(wechatOpenId('wx-a', 'bob'))
    expect(wechatUnionId('alice')).toMatch(/^o[\w-]{27}$/)
    expect(alipayUserId('alice')).toMatch(/^2088\d{12}$/)
    expect(alipayUserId('alice')).not.toBe(alipayUserId('bob'))
    expect(alipayOpenId('2021', 'alice')).toMatch(/^0[0-9A-Za-z]{46}$/)
  })
})

describe('city app dev identity', () => {
  const names = ['alice', 'bob', 'carol', '张伟', 'x', 'a-very-long-developer-name-0123456789']

  it.each(names)('gives %s a valid Zhengzhou resident ID number', (name) => {
    const { idCardNo } = cityAppIdentity(name)
    expect(idCardNo).toMatch(/^4101(02|03|04|05|06|08)\d{11}[\dX]$/)
    expect(hasValidIdChecksum(idCardNo)).toBe(true)
    const birth = idCardNo.slice(6, 14)
    const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`)
    expect(date.toISOString().slice(0, 10).replaceAll('-', '')).toBe(birth)
    expect(date.getUTCFullYear()).toBeGreaterThanOrEqual(1950)
    expect(date.getUTCFullYear()).toBeLessThanOrEqual(2004)
  })

  it.each(names)('gives %s a mainland mobile number and a Chinese name', (name) => {
    const identity = cityAppIdentity(name)
    expect(identity.mobile).toMatch(/^1[3-9]\d{9}$/)
    expect(identity.name).toMatch(/^\p{Script=Han}{2,4}$/u)
    expect(identity.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('keeps a Chinese dev name as the real name', () => {
    expect(cityAppIdentity('张伟').name).toBe('张伟')
  })

  it('is stable per name and differs between names', () => {
    expect(cityAppIdentity('alice')).toEqual(cityAppIdentity('alice'))
    expect(cityAppIdentity('alice').idCardNo).not.toBe(cityAppIdentity('bob').idCardNo)
    expect(cityAppIdentity('alice').sub).not.toBe(cityAppIdentity('bob').sub)
  })
})
