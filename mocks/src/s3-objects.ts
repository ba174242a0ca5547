import { createHash } from 'node:crypto'
import type { S3Checksum } from './s3-payload'

export interface StoredObject {
  bucket: string
  key: string
  body: Buffer
  contentType: string
  /** MD5 hex in quotes, as S3 gives it for a single-part upload */
  etag: string
  lastModified: Date
  /** the flexible checksum the uploader sent, given back on GET with x-amz-checksum-mode */
  checksum: S3Checksum | null
}

/** What a test may look at: everything but the bytes, which it can compare by hash. */
export interface ObjectSummary {
  bucket: string
  key: string
  size: number
  sha256: string
  contentType: string
  checksum: S3Checksum | null
}

/** The mock's buckets, in memory: gone when the mocks stop, as the tests want. */
export class S3Objects {
  readonly #objects = new Map<string, StoredObject>()

  put(bucket: string, key: string, body: Buffer, contentType: string, checksum: S3Checksum | null): StoredObject {
    const object: StoredObject = {
      bucket,
      key,
      body,
      contentType,
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      lastModified: new Date(),
      checksum,
    }
    this.#objects.set(`${bucket}/${key}`, object)
    return object
  }

  get(bucket: string, key: string): StoredObject | undefined {
    return this.#objects.get(`${bucket}/${key}`)
  }

  delete(bucket: string, key: string): void {
    this.#objects.delete(`${bucket}/${key}`)
  }

  list(): ObjectSummary[] {
    return [...this.#objects.values()].map(({ bucket, key, body, contentType, checksum }) => ({
      bucket,
      key,
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      contentType,
      checksum,
    }))
  }

  clear(): void {
    this.#objects.clear()
  }
}
