import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createPiiCipher } from './pii'

const cipher = createPiiCipher(randomBytes(32), 'a-hash-key-that-is-long-enough-for-hmac')

describe('PII cipher', () => {
  it('round-trips Chinese text and never stores the plain value', () => {
    const stored = cipher.encrypt('张三 13812341234')
    expect(stored).not.toContain('13812341234')
    expect(cipher.decrypt(stored)).toBe('张三 13812341234')
  })

  it('uses a fresh nonce per value, so equal values do not look equal at rest', () => {
    expect(cipher.encrypt('13812341234')).not.toBe(cipher.encrypt('13812341234'))
  })

  it('refuses a tampered value instead of returning garbage', () => {
    const stored = cipher.encrypt('410105199001011234')
    const parts = stored.split('.')
    const body = Buffer.from(parts[3]!, 'base64url')
    body[0] = body[0]! ^ 1
    parts[3] = body.toString('base64url')
    expect(() => cipher.decrypt(parts.join('.'))).toThrow()
  })

  it('refuses a value written with another key', () => {
    const other = createPiiCipher(randomBytes(32), 'another-hash-key-that-is-long-enough')
    expect(() => cipher.decrypt(other.encrypt('13812341234'))).toThrow()
  })

  it('hashes deterministically for lookups, keyed so the hash alone reveals nothing', () => {
    expect(cipher.hash('13812341234')).toBe(cipher.hash(' 13812341234 '))
    const other = createPiiCipher(randomBytes(32), 'another-hash-key-that-is-long-enough')
    expect(other.hash('13812341234')).not.toBe(cipher.hash('13812341234'))
  })
})
