import { randomBytes } from 'node:crypto'

export interface WechatError {
  errcode: number
  errmsg: string
}

/** WeChat's error shape on every endpoint: an errcode and a message ending in a trace id. */
export function wechatError(errcode: number, message: string): WechatError {
  return { errcode, errmsg: `${message}, rid: ${requestId()}` }
}

/** WeChat's trace id format, e.g. `6571a2b3-1c2d3e4f-5a6b7c8d`. */
function requestId(): string {
  const secondsHex = Math.floor(Date.now() / 1000).toString(16)
  return `${secondsHex}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`
}
