import { describe, expect, it } from 'vitest'
import { dammDigit } from '@xinfang/shared/tracking-number'
import { trackingNoFromQr } from './qr'

const withCheck = (eleven: string) => `${eleven}${dammDigit(eleven)}`
const VALID = withCheck('35410215130')

describe('our QR codes', () => {
  it('reads the 12 digits alone, plain or grouped', () => {
    expect(trackingNoFromQr(VALID)).toBe(VALID)
    expect(trackingNoFromQr(` ${VALID.slice(0, 4)}-${VALID.slice(4, 8)}-${VALID.slice(8)} `)).toBe(VALID)
  })

  it('reads a link to the track page', () => {
    expect(trackingNoFromQr(`https://xinfang.zhengzhou.gov.cn/#/pages/track/index?no=${VALID}`)).toBe(VALID)
    expect(trackingNoFromQr(`https://x.test/t?a=1&no=${VALID}&b=2`)).toBe(VALID)
  })

  it('refuses a number with a wrong check digit and anything else', () => {
    const wrong = `${VALID.slice(0, 11)}${(Number(VALID[11]) + 1) % 10}`
    expect(trackingNoFromQr(wrong)).toBeNull()
    expect(trackingNoFromQr('https://weixin.qq.com/some-payment-code')).toBeNull()
    expect(trackingNoFromQr('12345')).toBeNull()
    expect(trackingNoFromQr('')).toBeNull()
  })
})
