import { fail, type WechatServerApi } from './wechat-server-api'

/** Which build of the mini-program the code opens; WeChat's names, not those of subscribe/send. */
export type WxacodeEnvVersion = 'release' | 'trial' | 'develop'

export interface WechatWxacodeOptions {
  api: WechatServerApi
  envVersion: WxacodeEnvVersion
}

export interface WxacodeRequest {
  /** handed to the page as `options.scene`: at most 32 of WeChat's allowed characters */
  scene: string
  /** e.g. `pages/cosign/index`: no leading slash and no query, those go in `scene` */
  page: string
  /** side in pixels, 280 to 1280; WeChat's default is 430 */
  width?: number
}

export interface MiniProgramCode {
  image: Buffer
  /** `image/png` or `image/jpeg`, as WeChat labelled it */
  mime: string
}

export interface WechatWxacodeClient {
  /** A 小程序码 for `page` carrying `scene`; unlimited in number, unlike wxacode.get. */
  getUnlimited(request: WxacodeRequest): Promise<MiniProgramCode>
}

const OPERATION = 'getwxacodeunlimit'
// Digits, letters and !#$&'()*+,/:;=?@-._~ only; no %, so Chinese cannot even be URL-encoded.
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
// The page (41030) or scene (40169) or another argument (40097, 47001) refused: a bug or an
// unpublished page, which no repeat cures. -1 busy and 45009 over the daily quota are "later".
const REQUEST_REFUSALS = new Set([41030, 40169, 40097, 47001])

/**
 * Mini-program codes with a scene (getUnlimitedQRCode): one POST under the app's access token,
 * answered with the image itself on success and with JSON on failure.
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
 */
export function createWechatWxacodeClient({ api, envVersion }: WechatWxacodeOptions): WechatWxacodeClient {
  return {
    async getUnlimited({ scene, page, width = 430 }) {
      if (!SCENE.test(scene)) throw fail('rejected', `${OPERATION}: scene must be 1 to 32 of WeChat's allowed characters`, { scene })
      // checking the path against the published version would refuse every page of a trial build
      const request = { scene, page, check_path: envVersion === 'release', env_version: envVersion, width }
      const answer = await api.postForImage(OPERATION, 'wxa/getwxacodeunlimit', request)
      if (!('errcode' in answer)) {
        if (answer.mime !== 'image/png' && answer.mime !== 'image/jpeg') throw fail('bad_response', `${OPERATION}: an image of type ${answer.mime}`)
        return { image: answer.bytes, mime: answer.mime }
      }
      const { errcode, errmsg } = answer
      const detail = { errcode, errmsg, page }
      if (REQUEST_REFUSALS.has(errcode)) throw fail('rejected', `${OPERATION}: refused the page or scene with ${errcode} ${errmsg}`, detail)
      // errcode 0 without an image is no answer we know how to read
      if (errcode === 0) throw fail('bad_response', `${OPERATION}: JSON where an image was expected`, detail)
      throw fail('unavailable', `${OPERATION}: refused with ${errcode} ${errmsg}`, detail)
    },
  }
}
