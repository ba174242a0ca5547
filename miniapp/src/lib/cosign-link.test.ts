import { describe, expect, it } from 'vitest'
import { cosignTokenFromQr, isCosignToken } from './cosign-link'

const TOKEN = 'AbCdEfGhIjKl.mNoPqRsTuVwXyZ0123'

describe('co-sign codes', () => {
  it('reads the token from each platform code', () => {
    expect(cosignTokenFromQr(`pages/cosign/index?scene=${encodeURIComponent(TOKEN)}`)).toBe(TOKEN)
    expect(cosignTokenFromQr(`weapp://wx123/pages/cosign/index?scene=${TOKEN}&env_version=release`)).toBe(TOKEN)
    expect(
      cosignTokenFromQr(`alipays://platformapi/startapp?appId=2021&page=${encodeURIComponent('pages/cosign/index')}&query=${encodeURIComponent(`t=${TOKEN}`)}`),
    ).toBe(TOKEN)
    expect(cosignTokenFromQr(`https://xinfang.zhengzhou.gov.cn/#/pages/cosign/index?t=${TOKEN}`)).toBe(TOKEN)
  })

  it('refuses other pages, malformed tokens and anything else', () => {
    expect(cosignTokenFromQr(`https://x.test/#/pages/track/index?t=${TOKEN}`)).toBeNull()
    expect(cosignTokenFromQr('https://x.test/#/pages/cosign/index?t=no-dot-here-at-all')).toBeNull()
    expect(cosignTokenFromQr('https://x.test/#/pages/cosign/index?t=a.b')).toBeNull()
    expect(cosignTokenFromQr('https://weixin.qq.com/some-payment-code')).toBeNull()
    expect(cosignTokenFromQr('')).toBeNull()
  })

  it('checks a token the way the API does', () => {
    expect(isCosignToken(TOKEN)).toBe(true)
    expect(isCosignToken(`${TOKEN}xyz`)).toBe(false)
    expect(isCosignToken(undefined)).toBe(false)
  })
})
