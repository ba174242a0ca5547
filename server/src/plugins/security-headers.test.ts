import { describe, expect, it } from 'vitest'
import { helmetHeaders } from './security-headers'

describe('helmetHeaders', () => {
  it("are helmet's headers for the options given", () => {
    const headers = helmetHeaders({ contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'same-site' } })
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/)
    expect(headers['cross-origin-resource-policy']).toBe('same-site')
    expect(headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(headers).not.toHaveProperty('content-security-policy')
  })

  it('follow the options: a CSP when asked for', () => {
    expect(helmetHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } } })['content-security-policy']).toContain("default-src 'self'")
  })
})
