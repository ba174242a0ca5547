import { asJsonObject, textField } from './json-fields'
import { MAINLAND_MOBILE, type VerifiedPhone } from './verified-phone'
import { fail, type WechatServerApi } from './wechat-server-api'

export interface WechatPhoneClient {
  /** Trades the code from the mini-program's getPhoneNumber button for the number WeChat verified. */
  phoneNumber(code: string): Promise<VerifiedPhone>
}

const OPERATION = 'getuserphonenumber'
// invalid or spent code (40029), code already used (40163): the resident taps the button again
const RESIDENT_CODE_ERRORS = new Set([40029, 40163])

/**
 * A phone number the resident chose to share and WeChat vouches for. The watermark names the
 * app the code was issued to: a code taken from another mini-program must not pass here.
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html
 */
export function createWechatPhoneClient(api: WechatServerApi): WechatPhoneClient {
  return {
    async phoneNumber(code) {
      if (code === '') throw fail('rejected', `${OPERATION}: empty code`)
      const { errcode, errmsg, body } = await api.post(OPERATION, 'wxa/business/getuserphonenumber', { code })
      if (errcode !== 0) {
        const kind = RESIDENT_CODE_ERRORS.has(errcode) ? 'rejected' : 'unavailable'
        throw fail(kind, `${OPERATION}: refused with ${errcode} ${errmsg}`, { errcode, errmsg })
      }
      const info = asJsonObject(body.phone_info)
      const watermark = asJsonObject(info?.watermark)
      if (info === null || textField(watermark, 'appid') !== api.appId) throw fail('bad_response', `${OPERATION}: answer without our app's watermark`)

      const phone = textField(info, 'purePhoneNumber')
      const countryCode = textField(info, 'countryCode')
      if (phone === undefined) throw fail('bad_response', `${OPERATION}: answer without purePhoneNumber`)
      // a number from abroad is real, but no office here can call or text it
      if (countryCode !== '86' || !MAINLAND_MOBILE.test(phone)) throw fail('rejected', `${OPERATION}: not a mainland mobile number`, { countryCode })
      return { phone }
    },
  }
}
