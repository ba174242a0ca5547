import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

// The service's half of AWS Signature Version 4 as S3 applies it. Written apart from the SDK
// on purpose, as with Alipay and Aliyun: the two agree only through the wire format.
// @see https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html

export interface SignedRequest {
  method: string
  /** the path and query exactly as on the request line */
  url: string
  headers: IncomingHttpHeaders
}

export interface ParsedAuthorization {
  accessKeyId: string
  date: string
  region: string
  service: string
  signedHeaders: string[]
  signature: string
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/

export function parseAuthorization(header: string): ParsedAuthorization | null {
  const match = AUTHORIZATION.exec(header.trim())
  if (!match) return null
  const [, accessKeyId = '', date = '', region = '', service = '', signedHeaders = '', signature = ''] = match
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature }
}

/** RFC 3986 encoding, every byte but A-Z a-z 0-9 - _ . ~ (and `/` in a path). */
export function awsUriEncode(text: string, keepSlash: boolean): string {
  const encoded = encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return keepSlash ? encoded.replaceAll('%2F', '/') : encoded
}

const decode = (text: string) => decodeURIComponent(text.replaceAll('+', '%20'))

/** Re-encoded from the decoded parts, so a client that encodes a little differently still matches. */
function canonicalUri(path: string): string {
  return path
    .split('/')
    .map((segment) => awsUriEncode(decode(segment), false))
    .join('/')
}

function canonicalQuery(query: string): string {
  return query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split(/=(.*)/s)
      return [awsUriEncode(decode(name), false), awsUriEncode(decode(value), false)] as const
    })
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name]
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '')
  return joined.trim().replace(/\s+/g, ' ')
}

/** The canonical request and the string to sign, for this request as the client claims to have signed it. */
export function stringToSign(request: SignedRequest, auth: ParsedAuthorization, payloadHash: string): string {
  const [path = '/', query = ''] = request.url.split(/\?(.*)/s)
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(path),
    canonicalQuery(query),
    auth.signedHeaders.map((name) => `${name}:${headerValue(request.headers, name)}\n`).join(''),
    auth.signedHeaders.join(';'),
    payloadHash,
  ].join('\n')
  const amzDate = headerValue(request.headers, 'x-amz-date')
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`
  return ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n')
}

export function signatureMatches(toSign: string, auth: ParsedAuthorization, secretAccessKey: string): boolean {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()
  const signingKey = [auth.date, auth.region, auth.service, 'aws4_request'].reduce<Buffer | string>((key, part) => hmac(key, part), `AWS4${secretAccessKey}`)
  const expected = createHmac('sha256', signingKey).update(toSign).digest()
  const given = Buffer.from(auth.signature, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** `20261207T121445Z` as a time, or NaN. */
export function parseAmzDate(value: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  return match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!) : Number.NaN
}
