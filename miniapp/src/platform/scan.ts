import Taro from '@tarojs/taro'

export type ScanOutcome =
  /** `path`: a code of this mini-program itself (WeChat), the page and query it opens */
  | { kind: 'result'; text: string; path?: string }
  | { kind: 'cancelled' }
  /** no camera scanning here (H5): offer typing the number instead */
  | { kind: 'unsupported' }

/**
 * Taro.scanCode: wx.scanCode on WeChat, my.scan on Alipay (Taro maps `code` to `result`). On H5
 * it only works inside WeChat's JS-SDK; elsewhere a production build resolves "successfully"
 * with no result at all, so H5 is treated as unsupported rather than trusted.
 * @see https://docs.taro.zone/docs/apis/device/scan/scanCode
 */
export async function scan(): Promise<ScanOutcome> {
  if (process.env.TARO_ENV === 'h5') return { kind: 'unsupported' }
  try {
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'barCode'] })
    // a mini-program code (小程序码) may carry nothing in `result`, only the page in `path`
    const path = typeof res.path === 'string' && res.path !== '' ? res.path : undefined
    const text = typeof res.result === 'string' ? res.result : ''
    return text || path ? { kind: 'result', text, path } : { kind: 'cancelled' }
  } catch {
    // the resident closed the scanner (or denied the camera): nothing to report
    return { kind: 'cancelled' }
  }
}
