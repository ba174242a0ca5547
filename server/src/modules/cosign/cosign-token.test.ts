import { describe, expect, it } from 'vitest'
import { cosignTokens } from './cosign-token'

const tokens = cosignTokens('a-test-secret-that-is-long-enough-for-hmac')

describe('cosign tokens', () => {
  it('fit a WeChat scene and verify back to their id', () => {
    const id = tokens.newId()
    const token = tokens.issue(id)
    expect(token.length).toBeLessThanOrEqual(32)
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    expect(tokens.verify(token)).toBe(id)
  })

  it('refuse an altered id, an altered mac, another key, and junk', () => {
    const token = tokens.issue(tokens.newId())
    const [id, mac] = token.split('.') as [string, string]
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1)
    expect(tokens.verify(`${flip(id)}.${mac}`)).toBeNull()
    expect(tokens.verify(`${id}.${flip(mac)}`)).toBeNull()
    expect(cosignTokens('another-secret-entirely-different-from-ours').verify(token)).toBeNull()
    for (const junk of ['', '.', 'abc', `${token}.x`, `${id}.`, `.${mac}`]) expect(tokens.verify(junk)).toBeNull()
  })
})
