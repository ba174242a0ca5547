/**
 * A joint complaint's token as its QR codes carry it: `<id>.<signature>`, at most 32 characters
 * (WeChat's `scene` limit). The same rule as CosignTokenSchema in shared/contracts/cosign.ts,
 * repeated here because that module builds TypeBox schemas at load and would ship TypeBox.
 */
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/
export const isCosignToken = (value: string | undefined): value is string =>
  value !== undefined && value.length >= 10 && value.length <= 32 && TOKEN.test(value)

const COSIGN_PAGE = 'pages/cosign/index'
// `t=` (Alipay query, H5 link) or `scene=` (WeChat code); `query=t=…` once Alipay's query is decoded
const TOKEN_PARAM = /(?:^|[?&=])(?:t|scene)=([A-Za-z0-9_.-]+)/

const decoded = (text: string) => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * The token in a scanned co-sign code, or null. Each platform's code reads differently:
 * - WeChat mini-program code: wx.scanCode's `path`, `pages/cosign/index?scene=<token>`
 * - Alipay mini-program code: `alipays://platformapi/startapp?appId=…&page=pages%2Fcosign%2Findex&query=t%3D<token>`
 * - H5: `https://…/#/pages/cosign/index?t=<token>`
 * Alipay encodes the page and query once more, so the text is read decoded up to twice.
 */
export function cosignTokenFromQr(text: string): string | null {
  let candidate = text.trim()
  for (let pass = 0; pass < 3; pass++) {
    if (candidate.includes(COSIGN_PAGE)) {
      const token = TOKEN_PARAM.exec(candidate.slice(candidate.indexOf('?')))?.[1]
      if (isCosignToken(token)) return token
    }
    const next = decoded(candidate)
    if (next === candidate) break
    candidate = next
  }
  return null
}
