import QRCode from 'qrcode'

export interface QrcodeCreateContext {
  appId: string
  /** where this mock is reached, e.g. `http://127.0.0.1:3100/alipay`: the image is served there */
  imageBase: string
}

/** What goes inside `alipay_open_app_qrcode_create_response`. */
export type QrcodeCreateAnswer = Record<string, unknown>

interface QrcodeContent {
  appId: string
  page: string
  query: string
}

// a path inside the mini-program: no leading slash and no query, the query has its own field
const PAGE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/
const MAX_QUERY_LENGTH = 1024

/**
 * `alipay.open.app.qrcode.create`: biz_content `{url_param, query_param, describe}`. Alipay hosts
 * the image on its CDN; the mock hosts it itself, at a URL that carries what the code encodes,
 * so nothing needs remembering between the call and the download.
 * @see https://opendocs.alipay.com/mini/03l9bx
 */
export function answerQrcodeCreate(bizContentText: string | undefined, { appId, imageBase }: QrcodeCreateContext): QrcodeCreateAnswer {
  const biz = parseObject(bizContentText)
  if (biz === null) return failure('40001', 'Missing Required Arguments', 'isv.missing-biz-content', 'biz_content参数缺失或不是JSON')
  const { url_param: page, query_param: query, describe } = biz
  for (const [name, value] of Object.entries({ url_param: page, query_param: query, describe })) {
    if (typeof value !== 'string' || value === '') return failure('40001', 'Missing Required Arguments', 'isv.missing-parameter', `缺少${name}参数`)
  }
  if (typeof page !== 'string' || !PAGE.test(page)) return failure('40004', 'Business Failed', 'INVALID_PARAMETER', 'url_param不是小程序中的页面路径')
  if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH) return failure('40004', 'Business Failed', 'INVALID_PARAMETER', 'query_param过长')

  const id = Buffer.from(JSON.stringify({ appId, page, query } satisfies QrcodeContent)).toString('base64url')
  const url = `${imageBase}/qr/${id}.png`
  return {
    code: '10000',
    msg: 'Success',
    qr_code_url: url,
    qr_code_url_circle_white: `${url}?style=circle_white`,
    qr_code_url_circle_blue: `${url}?style=circle_blue`,
  }
}

/** The PNG behind a qr_code_url the mock handed out, or null for a name it never made. */
export async function qrcodeImage(fileName: string): Promise<Buffer | null> {
  const content = parseObject(Buffer.from(fileName.replace(/\.png$/, ''), 'base64url').toString('utf8'))
  const { appId, page, query } = content ?? {}
  if (typeof appId !== 'string' || typeof page !== 'string' || typeof query !== 'string') return null
  // the scheme an Alipay scan opens: the app, then the page and its query, each URL-encoded
  const text = `alipays://platformapi/startapp?appId=${appId}&page=${encodeURIComponent(page)}&query=${encodeURIComponent(query)}`
  return QRCode.toBuffer(text, { type: 'png', width: 300, margin: 2 })
}

function parseObject(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function failure(code: string, msg: string, subCode: string, subMsg: string): QrcodeCreateAnswer {
  return { code, msg, sub_code: subCode, sub_msg: subMsg }
}
