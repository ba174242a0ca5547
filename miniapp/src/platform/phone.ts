import type { PhoneVerificationBody } from '@xinfang/shared/contracts/auth'

/**
 * How a resident proves their phone number here, so they may co-sign:
 * - weapp: the getPhoneNumber button hands a one-time `code` (wx's own UI asks the user)
 *   @see https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/getPhoneNumber.html
 * - alipay: a getAuthorize button with scope phoneNumber, then my.getPhoneNumber
 *   @see https://opendocs.alipay.com/mini/api/getphonenumber
 * - h5: no phone API in a browser; in the city app residents are real-name verified already
 */
export const phoneVerification: 'wechat' | 'alipay' | 'none' =
  process.env.TARO_ENV === 'weapp' ? 'wechat' : process.env.TARO_ENV === 'alipay' ? 'alipay' : 'none'

interface AlipayPhoneNumberResult {
  /** JSON text: `{ response, sign, sign_type, encrypt_type, charset }` */
  response: string
}
declare const my: {
  getPhoneNumber(options: { success: (res: AlipayPhoneNumberResult) => void; fail: (error: unknown) => void }): void
}

/** Alipay only: the encrypted number and its signature, as the API checks them. */
export function alipayPhoneNumber(): Promise<PhoneVerificationBody> {
  return new Promise((resolve, reject) =>
    my.getPhoneNumber({
      success: (res) => {
        try {
          const { response, sign } = JSON.parse(res.response) as { response?: unknown; sign?: unknown }
          if (typeof response !== 'string' || typeof sign !== 'string') throw new Error('no phone number in the answer')
          resolve({ platform: 'alipay', response, sign })
        } catch (error) {
          reject(error)
        }
      },
      fail: reject,
    }),
  )
}
