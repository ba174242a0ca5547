import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { BusyAnswer } from './platform-scope'
import type { S3Objects, StoredObject } from './s3-objects'
import { readPayload, type S3Failure } from './s3-payload'
import { parseAmzDate, parseAuthorization, signatureMatches, stringToSign } from './s3-sigv4'

export interface S3MockOptions {
  accessKeyId: string
  secretAccessKey: string
  region: string
  /** the buckets that exist; any other is NoSuchBucket */
  buckets: readonly string[]
}

const MAX_CLOCK_SKEW_MS = 15 * 60_000
// a voice note may be 20 MB, and aws-chunked framing adds a little
const MAX_OBJECT_BYTES = 64 * 1024 * 1024

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c)

const requestId = () => randomBytes(8).toString('hex').toUpperCase()

/** S3's error document; a HEAD answer has the status and no body, as S3 sends it. */
function s3Error(request: FastifyRequest, reply: FastifyReply, { status, code, message }: S3Failure, extra: Record<string, string> = {}) {
  const id = requestId()
  reply.code(status).header('x-amz-request-id', id)
  if (request.method === 'HEAD') return reply.send()
  const fields = Object.entries({ Code: code, Message: message, ...extra, RequestId: id, HostId: randomBytes(24).toString('base64') })
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('')
  return reply.type('application/xml').send(`<?xml version="1.0" encoding="UTF-8"?>\n<Error>${fields}</Error>`)
}

/** Why the request is not signed with our credentials as SigV4 wants, or null when it is. */
function authFailure(request: FastifyRequest, options: S3MockOptions): (S3Failure & { extra?: Record<string, string> }) | null {
  const header = request.headers.authorization
  if (header === undefined) return { status: 403, code: 'AccessDenied', message: 'Access Denied' }
  const auth = parseAuthorization(header)
  if (!auth || !auth.signedHeaders.includes('host')) return { status: 400, code: 'AuthorizationHeaderMalformed', message: 'The authorization header is malformed.' }
  if (auth.service !== 's3' || auth.region !== options.region) {
    const message = `The authorization header is malformed; the region '${auth.region}' is wrong; expecting '${options.region}'`
    return { status: 400, code: 'AuthorizationHeaderMalformed', message, extra: { Region: options.region } }
  }
  if (auth.accessKeyId !== options.accessKeyId) {
    return { status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.', extra: { AWSAccessKeyId: auth.accessKeyId } }
  }
  const amzDate = String(request.headers['x-amz-date'] ?? '')
  const sentAt = parseAmzDate(amzDate)
  if (Number.isNaN(sentAt) || !amzDate.startsWith(auth.date)) return { status: 403, code: 'AccessDenied', message: 'AWS authentication requires a valid Date or x-amz-date header' }
  if (Math.abs(sentAt - Date.now()) > MAX_CLOCK_SKEW_MS) {
    return { status: 403, code: 'RequestTimeTooSkewed', message: 'The difference between the request time and the current time is too large.' }
  }
  const payloadHash = request.headers['x-amz-content-sha256']
  if (typeof payloadHash !== 'string') return { status: 400, code: 'InvalidRequest', message: 'Missing required header for this request: x-amz-content-sha256' }
  const toSign = stringToSign({ method: request.method, url: request.url, headers: request.headers }, auth, payloadHash)
  if (!signatureMatches(toSign, auth, options.secretAccessKey)) {
    const message = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'
    return { status: 403, code: 'SignatureDoesNotMatch', message, extra: { AWSAccessKeyId: auth.accessKeyId, StringToSign: toSign } }
  }
  return null
}

function objectHeaders(reply: FastifyReply, object: StoredObject, withChecksum: boolean): FastifyReply {
  reply
    .header('content-type', object.contentType)
    .header('content-length', object.body.length)
    .header('etag', object.etag)
    .header('last-modified', object.lastModified.toUTCString())
    .header('accept-ranges', 'bytes')
    .header('x-amz-request-id', requestId())
  if (withChecksum && object.checksum) reply.header(`x-amz-checksum-${object.checksum.algorithm}`, object.checksum.value)
  return reply
}

/**
 * An S3-compatible object store under /s3, path-style (`/s3/<bucket>/<key>`) as MinIO and most
 * S3-compatible services take it: PutObject, GetObject, HeadObject and DeleteObject, each signed
 * with AWS Signature V4 in the Authorization header; a PUT's body checked against
 * x-amz-content-sha256 and any x-amz-checksum-*; errors as S3's XML error document.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
export function s3Routes(options: S3MockOptions, objects: S3Objects): FastifyPluginAsync {
  return async (app) => {
    // an object is bytes of any type, never a form or JSON to parse
    app.removeAllContentTypeParsers()
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_OBJECT_BYTES }, (_request, body, done) => done(null, body))

    app.route<{ Params: { bucket: string; '*': string } }>({
      method: ['PUT', 'GET', 'HEAD', 'DELETE'],
      url: '/:bucket/*',
      exposeHeadRoute: false,
      handler: async (request, reply) => {
        const denied = authFailure(request, options)
        if (denied) return s3Error(request, reply, denied, denied.extra)
        const { bucket } = request.params
        const key = request.params['*']
        if (!options.buckets.includes(bucket)) return s3Error(request, reply, { status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' }, { BucketName: bucket })
        if (key === '') return s3Error(request, reply, { status: 501, code: 'NotImplemented', message: 'Bucket operations are not implemented by this mock.' })

        if (request.method === 'PUT') {
          const payload = readPayload(request.headers, Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0))
          if (!payload.ok) return s3Error(request, reply, payload)
          const contentType = request.headers['content-type'] ?? 'binary/octet-stream'
          const stored = objects.put(bucket, key, payload.data, contentType, payload.checksum)
          reply.header('etag', stored.etag).header('x-amz-request-id', requestId())
          if (stored.checksum) reply.header(`x-amz-checksum-${stored.checksum.algorithm}`, stored.checksum.value)
          return reply.code(200).send()
        }
        if (request.method === 'DELETE') {
          objects.delete(bucket, key)
          return reply.code(204).header('x-amz-request-id', requestId()).send()
        }
        const object = objects.get(bucket, key)
        if (!object) return s3Error(request, reply, { status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' }, { Key: key })
        objectHeaders(reply, object, request.headers['x-amz-checksum-mode'] === 'ENABLED')
        return request.method === 'HEAD' ? reply.send() : reply.send(object.body)
      },
    })
  }
}

/** S3's throttling answer, which the SDK and our adapter must take as "try again". */
export const s3BusyAnswer: BusyAnswer = (request, reply) => s3Error(request, reply, { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' })
