import QRCode from 'qrcode'
import { wechatError, type WechatError } from './wechat-errors'

export interface MiniProgramCodeImage {
  png: Buffer
  /** what the image encodes, for the record: `weapp://<appid>/<page>?scene=…&env_version=…` */
  text: string
}

// WeChat's published rules: at most 32 of these visible characters, no %.
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
// a path inside the package: no leading slash, no query (that is what `scene` is for)
const PAGE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/
const ENV_VERSIONS = ['release', 'trial', 'develop']
const DEFAULT_PAGE = 'pages/index/index'
const MIN_WIDTH = 280
const MAX_WIDTH = 1280

/**
 * getwxacodeunlimit: checks the body the way WeChat does and draws a real, scannable PNG. A real
 * 小程序码 is a round pattern no library reads; this draws a QR code instead, encoding the app,
 * page, scene and build, so tests can decode the image and see exactly what a scan would open.
 * @see https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
 */
export async function answerWxacode(body: unknown, appId: string): Promise<MiniProgramCodeImage | WechatError> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return wechatError(47001, 'data format error')
  const request = body as Record<string, unknown>
  const { scene, page = DEFAULT_PAGE, env_version: envVersion = 'release', width = 430 } = request
  if (typeof scene !== 'string' || !SCENE.test(scene)) return wechatError(40169, 'invalid length for scene, or the data is not json string')
  if (typeof page !== 'string' || !PAGE.test(page)) return wechatError(41030, 'invalid page')
  if (typeof envVersion !== 'string' || !ENV_VERSIONS.includes(envVersion)) return wechatError(40097, 'invalid args: env_version')
  if (request.check_path !== undefined && typeof request.check_path !== 'boolean') return wechatError(40097, 'invalid args: check_path')
  if (typeof width !== 'number') return wechatError(40097, 'invalid args: width')

  const text = `weapp://${appId}/${page}?scene=${encodeURIComponent(scene)}&env_version=${envVersion}`
  // WeChat draws out-of-range widths at the nearest size it supports rather than refusing them
  const side = Math.min(Math.max(Math.round(width), MIN_WIDTH), MAX_WIDTH)
  return { png: await QRCode.toBuffer(text, { type: 'png', width: side, margin: 2 }), text }
}
