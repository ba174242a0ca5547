import { createHmac, timingSafeEqual } from 'node:crypto'

// The service's half of Aliyun's RPC signature (v1.0, HMAC-SHA1). Written apart from the
// server's adapter on purpose, as with Alipay: the two agree only through the wire format.

/** RFC 3986 percent-encoding as Aliyun applies it: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function aliyunPercentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** `METHOD&%2F&` + the encoded, sorted `k=v&k=v` of every parameter but `Signature`. */
export function aliyunStringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${aliyunPercentEncode(key)}=${aliyunPercentEncode(params[key] ?? '')}`)
    .join('&')
  return `${method.toUpperCase()}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(canonical)}`
}

export function aliyunSignatureMatches(stringToSign: string, signature: string, accessKeySecret: string): boolean {
  const expected = createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest()
  const given = Buffer.from(signature, 'base64')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
