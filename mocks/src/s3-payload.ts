import { createHash } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { crc32 } from 'node:zlib'

// How an S3 PUT carries its body and vouches for it: the x-amz-content-sha256 mode (a hash in
// the signature, UNSIGNED-PAYLOAD, or aws-chunked with a checksum trailer, which the SDK sends
// when it computes the checksum itself) and the flexible checksums x-amz-checksum-*.
// @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
// @see https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html

export interface S3Failure {
  status: number
  code: string
  message: string
}

export interface S3Checksum {
  algorithm: 'crc32' | 'sha1' | 'sha256'
  /** base64, as in the header */
  value: string
}

export type Payload = { ok: true; data: Buffer; checksum: S3Checksum | null } | ({ ok: false } & S3Failure)

const ALGORITHMS = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'] as const
const HEX_SHA256 = /^[0-9a-f]{64}$/

const fail = (status: number, code: string, message: string): Payload => ({ ok: false, status, code, message })

export function checksumOf(algorithm: S3Checksum['algorithm'], data: Buffer): string {
  if (algorithm !== 'crc32') return createHash(algorithm).update(data).digest('base64')
  const sum = Buffer.alloc(4)
  sum.writeUInt32BE(crc32(data))
  return sum.toString('base64')
}

/** `hex-size\r\n bytes \r\n` … `0\r\n` then `name:value\r\n` trailers and a blank line. */
function decodeAwsChunked(body: Buffer): { data: Buffer; trailers: Record<string, string> } | null {
  const chunks: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at)
    if (lineEnd < 0) return null
    // the size line of a signed stream carries `;chunk-signature=…`, refused before we get here
    const size = Number.parseInt(body.subarray(at, lineEnd).toString('latin1'), 16)
    if (!Number.isInteger(size) || size < 0) return null
    at = lineEnd + 2
    if (size === 0) break
    if (body.length < at + size + 2 || body.subarray(at + size, at + size + 2).toString('latin1') !== '\r\n') return null
    chunks.push(body.subarray(at, at + size))
    at += size + 2
  }
  const trailers: Record<string, string> = {}
  for (const line of body.subarray(at).toString('latin1').split('\r\n').filter(Boolean)) {
    const colon = line.indexOf(':')
    if (colon < 0) return null
    trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { data: Buffer.concat(chunks), trailers }
}

function claimedChecksum(sources: Record<string, string | string[] | undefined>[]): S3Checksum | S3Failure | null {
  const found = ALGORITHMS.flatMap((algorithm) =>
    sources.flatMap((source) => {
      const value = source[`x-amz-checksum-${algorithm}`]
      return typeof value === 'string' ? [{ algorithm, value }] : []
    }),
  )
  if (found.length > 1) return { status: 400, code: 'InvalidRequest', message: 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.' }
  const [claim] = found
  if (!claim) return null
  if (claim.algorithm !== 'crc32' && claim.algorithm !== 'sha1' && claim.algorithm !== 'sha256') {
    return { status: 501, code: 'NotImplemented', message: `This mock does not compute ${claim.algorithm.toUpperCase()} checksums.` }
  }
  return { algorithm: claim.algorithm, value: claim.value }
}

/** The object's bytes from a PUT body, once every hash and checksum the client sent agrees with them. */
export function readPayload(headers: IncomingHttpHeaders, body: Buffer): Payload {
  const mode = headers['x-amz-content-sha256']
  if (typeof mode !== 'string') return fail(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256')
  let data = body
  let trailers: Record<string, string> = {}
  if (HEX_SHA256.test(mode)) {
    if (createHash('sha256').update(body).digest('hex') !== mode) {
      return fail(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.")
    }
  } else if (mode === 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') {
    const decoded = decodeAwsChunked(body)
    if (!decoded) return fail(400, 'IncompleteBody', 'The request body is not valid aws-chunked encoding.')
    ;({ data, trailers } = decoded)
    const announced = headers['x-amz-trailer']
    if (typeof announced === 'string' && trailers[announced.toLowerCase()] === undefined) {
      return fail(400, 'IncompleteBody', `The trailer ${announced} announced in x-amz-trailer is missing.`)
    }
    if (Number(headers['x-amz-decoded-content-length']) !== data.length) {
      return fail(400, 'IncompleteBody', 'You did not provide the number of bytes specified by the x-amz-decoded-content-length HTTP header.')
    }
  } else if (mode.startsWith('STREAMING-')) {
    return fail(501, 'NotImplemented', `A header you provided implies functionality that is not implemented: x-amz-content-sha256 ${mode}.`)
  } else if (mode !== 'UNSIGNED-PAYLOAD') {
    return fail(400, 'InvalidArgument', 'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, or a valid sha256 value.')
  }

  const md5 = headers['content-md5']
  if (typeof md5 === 'string' && createHash('md5').update(data).digest('base64') !== md5) {
    return fail(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.')
  }
  const claim = claimedChecksum([headers, trailers])
  if (claim && 'code' in claim) return { ok: false, ...claim }
  if (claim && checksumOf(claim.algorithm, data) !== claim.value) {
    return fail(400, 'BadDigest', `The ${claim.algorithm.toUpperCase()} you specified did not match the calculated checksum.`)
  }
  return { ok: true, data, checksum: claim }
}
