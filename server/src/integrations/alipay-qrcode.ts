import { createAlipayGateway, gatewayFailure, type AlipayGatewayOptions } from './alipay-gateway'
import { textField } from './json-fields'

export type AlipayQrcodeOptions = AlipayGatewayOptions

export interface AlipayQrcodeRequest {
  /** e.g. `pages/cosign/index`, as the page's path in the mini-program */
  page: string
  /** the query the page opens with, e.g. `t=abc123`; keep it short, it is in the code */
  query: string
  /** what the code is for, shown in the Alipay console's list of codes */
  describe: string
}

export interface AlipayQrcode {
  /** Alipay's hosted image of the square code */
  url: string
}

export interface AlipayQrcodeClient {
  create(request: AlipayQrcodeRequest): Promise<AlipayQrcode>
}

const METHOD = 'alipay.open.app.qrcode.create'
const SUCCESS_CODE = '10000'
const SERVICE_BUSY_CODE = '20000'
// Business Failed (a page or query Alipay refuses) and missing or invalid arguments: the
// request is at fault and no repeat cures it. Anything else (busy, our keys) is "later".
const REQUEST_REFUSAL_CODES = new Set(['40004', '40001'])

/**
 * Mini-program QR codes over the same RSA2 gateway as login. Alipay hosts the image and
 * answers with its URL (also round white and blue variants, which we do not use).
 * @see https://opendocs.alipay.com/mini/03l9bx (alipay.open.app.qrcode.create)
 */
export function createAlipayQrcodeClient(options: AlipayQrcodeOptions): AlipayQrcodeClient {
  const gateway = createAlipayGateway(options)

  return {
    async create({ page, query, describe }) {
      const bizContent = { url_param: page, query_param: query, describe }
      const { key, content } = await gateway.call(METHOD, { biz_content: JSON.stringify(bizContent) })
      const code = textField(content, 'code')
      const detail = { code, subCode: textField(content, 'sub_code'), subMsg: textField(content, 'sub_msg') }
      if (key !== 'error_response' && code === SUCCESS_CODE) {
        const url = textField(content, 'qr_code_url')
        if (url === undefined || !/^https?:\/\//.test(url)) throw gatewayFailure(METHOD, 'bad_response', 'answer without a qr_code_url')
        return { url }
      }
      if (code === SERVICE_BUSY_CODE) throw gatewayFailure(METHOD, 'unavailable', 'gateway busy', detail)
      if (key !== 'error_response' && code !== undefined && REQUEST_REFUSAL_CODES.has(code)) {
        throw gatewayFailure(METHOD, 'rejected', `refused the page or query (${detail.subCode ?? code})`, detail)
      }
      throw gatewayFailure(METHOD, 'unavailable', `refused our request (${detail.subCode ?? code ?? 'no code'}): check the Alipay app configuration`, detail)
    },
  }
}
