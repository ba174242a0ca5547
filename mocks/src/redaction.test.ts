import { describe, expect, it } from 'vitest'
import { redactSecrets, redactSecretsInUrl } from './redaction'

describe('redaction', () => {
  it('blanks secret fields of a parsed query or body, whatever their case', () => {
    expect(redactSecrets({ appid: 'wx', secret: 's', Client_Secret: 'c', ticket: 't' })).toEqual({
      appid: 'wx',
      secret: '[redacted]',
      Client_Secret: '[redacted]',
      ticket: 't',
    })
    expect(redactSecrets(undefined)).toBeUndefined()
  })

  it('blanks secret query parameters in a URL and nothing else', () => {
    expect(redactSecretsInUrl('/wechat/sns/jscode2session?appid=wx&secret=s3cr3t&js_code=dev:a')).toBe(
      '/wechat/sns/jscode2session?appid=wx&secret=[redacted]&js_code=dev:a',
    )
    expect(redactSecretsInUrl('/x?client_secret=abc')).toBe('/x?client_secret=[redacted]')
    expect(redactSecretsInUrl('/x?mysecret=kept')).toBe('/x?mysecret=kept')
  })
})
