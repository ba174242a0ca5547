import fs from 'node:fs'
import { Readable } from 'node:stream'
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { assertKey, BlobNotFoundError, BlobStoreError, type BlobStore } from './blob-store'
import { createTempUploads } from './temp-uploads'

export interface S3BlobStoreOptions {
  /** the service's root URL; with path style, objects are at `<endpoint>/<bucket>/<key>` */
  endpoint: string
  region: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  forcePathStyle: boolean
  /** uploads are received here first, on this node's disk */
  tmpDir: string
  /** how long a connection may take to open, or sit idle mid-transfer */
  timeoutMs: number
  /** further attempts after the first, on failures a repeat can cure */
  retries: number
  /** the SDK's own warnings, which it would otherwise print to the console */
  onWarning?: (message: string) => void
}

interface SdkError {
  name?: string
  $metadata?: { httpStatusCode?: number }
}

const statusOf = (error: unknown) => (error as SdkError | null)?.$metadata?.httpStatusCode
// no status at all: the request never got an answer (refused, reset, timed out)
const isTransient = (error: unknown) => {
  const status = statusOf(error)
  return status === undefined || status >= 500 || status === 429
}

function storeError(operation: string, key: string, error: unknown): BlobStoreError {
  const status = statusOf(error)
  const name = (error as SdkError | null)?.name ?? 'Error'
  // the SDK's messages name the bucket and key at most, never the credentials
  return new BlobStoreError(`s3 ${operation} ${key}: ${status === undefined ? 'no answer' : `HTTP ${status}`} ${name}`, { cause: error })
}

/**
 * Files as objects in an S3-compatible bucket (MinIO, Aliyun OSS, Tencent COS, AWS), shared by
 * every API node. Each PUT carries the SHA-256 computed while receiving (x-amz-checksum-sha256),
 * so the store refuses bytes that changed on the way, and GET has the SDK check them coming back.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
 */
export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  const temp = createTempUploads(options.tmpDir)
  const { bucket } = options
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // the SDK retries what has no body; a PUT streams the temporary file, which put() re-opens itself
    maxAttempts: options.retries + 1,
    requestHandler: { connectionTimeout: options.timeoutMs, requestTimeout: options.timeoutMs },
    // only warnings: given a logger, the SDK would also log every call at info, and every failure we already report
    logger: { debug() {}, info() {}, error() {}, warn: (...content: unknown[]) => options.onWarning?.(content.map(String).join(' ')) },
  })

  async function put(tempPath: string, key: string, size: number, sha256: string, mime: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: fs.createReadStream(tempPath),
            ContentLength: size,
            ContentType: mime,
            ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
          }),
        )
        return
      } catch (error) {
        if (attempt > options.retries || !isTransient(error)) throw storeError('PutObject', key, error)
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1) * (0.5 + Math.random() / 2)))
      }
    }
  }

  return {
    ...temp,

    async keep(upload, key, { mime }) {
      try {
        assertKey(key)
        await put(upload.tempPath, key, upload.size, upload.sha256, mime)
      } finally {
        await temp.discard(upload)
      }
    },

    async open(key) {
      assertKey(key)
      const output = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key })).catch((error: unknown) => {
        throw statusOf(error) === 404 && (error as SdkError).name === 'NoSuchKey' ? new BlobNotFoundError(key) : storeError('GetObject', key, error)
      })
      if (!(output.Body instanceof Readable)) throw new BlobStoreError(`s3 GetObject ${key}: the answer has no body to stream`)
      return output.Body
    },

    async remove(key) {
      assertKey(key)
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch((error: unknown) => {
        throw storeError('DeleteObject', key, error)
      })
    },

    async close() {
      client.destroy()
    },
  }
}
