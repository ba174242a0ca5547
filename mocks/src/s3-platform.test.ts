import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checksumOf, readPayload } from './s3-payload'
import { parseAuthorization, signatureMatches, stringToSign } from './s3-sigv4'
import { startMocks, type RunningMocks } from './start-mocks'

// The GET Object example of AWS's SigV4 documentation, with its published signature.
// @see https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
const AWS_EXAMPLE = {
  secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  authorization:
    'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  request: {
    method: 'GET',
    url: '/test.txt',
    headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': '20130524T000000Z' },
  },
}

describe('SigV4 as S3 checks it', () => {
  it("accepts AWS's own example and nothing changed from it", () => {
    const auth = parseAuthorization(AWS_EXAMPLE.authorization)!
    const toSign = stringToSign(AWS_EXAMPLE.request, auth, EMPTY_SHA256)
    expect(toSign.split('\n').at(-1)).toBe('7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972')
    expect(signatureMatches(toSign, auth, AWS_EXAMPLE.secret)).toBe(true)
    expect(signatureMatches(toSign, auth, 'another secret')).toBe(false)
    const otherKey = stringToSign({ ...AWS_EXAMPLE.request, url: '/test2.txt' }, auth, EMPTY_SHA256)
    expect(signatureMatches(otherKey, auth, AWS_EXAMPLE.secret)).toBe(false)
  })
})

describe('an S3 PUT body', () => {
  const data = Buffer.from('photo bytes\r\n0\r\n')
  const sha256Hex = createHash('sha256').update(data).digest('hex')
  const chunked = (trailer: string) => Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from(`\r\n0\r\n${trailer}\r\n\r\n`)])
  const streaming = { 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'x-amz-trailer': 'x-amz-checksum-crc32', 'x-amz-decoded-content-length': String(data.length) }

  it('is taken when its signed hash, or its checksum, agrees with it', () => {
    expect(readPayload({ 'x-amz-content-sha256': sha256Hex }, data)).toEqual({ ok: true, data, checksum: null })
    const checksum = { algorithm: 'sha256', value: checksumOf('sha256', data) } as const
    expect(readPayload({ 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'x-amz-checksum-sha256': checksum.value }, data)).toEqual({ ok: true, data, checksum })
  })

  it('is refused when they disagree', () => {
    expect(readPayload({ 'x-amz-content-sha256': sha256Hex.replace(/^./, '0') }, data)).toMatchObject({ ok: false, status: 400, code: 'XAmzContentSHA256Mismatch' })
    const wrong = checksumOf('sha256', Buffer.from('other bytes'))
    expect(readPayload({ 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'x-amz-checksum-sha256': wrong }, data)).toMatchObject({ ok: false, status: 400, code: 'BadDigest' })
    expect(readPayload({}, data)).toMatchObject({ ok: false, code: 'InvalidRequest' })
  })

  it('is unframed from aws-chunked, with the checksum from its trailer', () => {
    const crc = checksumOf('crc32', data)
    expect(readPayload(streaming, chunked(`x-amz-checksum-crc32:${crc}`))).toEqual({ ok: true, data, checksum: { algorithm: 'crc32', value: crc } })
    expect(readPayload(streaming, chunked(`x-amz-checksum-crc32:${checksumOf('crc32', Buffer.from('x'))}`))).toMatchObject({ ok: false, code: 'BadDigest' })
    expect(readPayload(streaming, chunked(''))).toMatchObject({ ok: false, code: 'IncompleteBody' })
    expect(readPayload({ ...streaming, 'x-amz-decoded-content-length': '3' }, chunked(`x-amz-checksum-crc32:${crc}`))).toMatchObject({ ok: false, code: 'IncompleteBody' })
  })

  it('says so when it comes in a mode the mock does not verify', () => {
    expect(readPayload({ 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' }, data)).toMatchObject({ ok: false, status: 501, code: 'NotImplemented' })
  })
})

describe('the S3 mock over HTTP', () => {
  let mocks: RunningMocks
  beforeAll(async () => {
    mocks = await startMocks()
  })
  afterAll(() => mocks.close())

  it('answers an unsigned request with S3 XML: AccessDenied', async () => {
    const response = await fetch(`${mocks.baseUrl}/s3/${mocks.options.s3.buckets[0]}/ab/f_1`)
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/)
    expect(await response.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>AccessDenied<\/Code><Message>Access Denied<\/Message><RequestId>/)
  })

  it('tells a malformed Authorization header, and a HEAD gets the status without a body', async () => {
    const url = `${mocks.baseUrl}/s3/${mocks.options.s3.buckets[0]}/ab/f_1`
    const malformed = await fetch(url, { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=nonsense' } })
    expect(malformed.status).toBe(400)
    expect(await malformed.text()).toContain('<Code>AuthorizationHeaderMalformed</Code>')
    const head = await fetch(url, { method: 'HEAD' })
    expect(head.status).toBe(403)
    expect(await head.text()).toBe('')
  })
})
