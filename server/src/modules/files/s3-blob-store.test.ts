import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { DEV_CREDENTIALS } from '@xinfang/mocks/config'
import { useMocks } from '../../integrations/adapter-test-kit'
import { BlobNotFoundError, BlobStoreError, type BlobStore } from './blob-store'
import { createS3BlobStore, type S3BlobStoreOptions } from './s3-blob-store'

const mocksOf = useMocks()
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-s3-store-'))
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }))

const opened: BlobStore[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()))
})

function s3Store(overrides: Partial<S3BlobStoreOptions> = {}): BlobStore {
  const store = createS3BlobStore({
    endpoint: `${mocksOf().baseUrl}/s3`,
    region: DEV_CREDENTIALS.s3Region,
    bucket: DEV_CREDENTIALS.s3Bucket,
    accessKeyId: DEV_CREDENTIALS.s3AccessKeyId,
    secretAccessKey: DEV_CREDENTIALS.s3SecretAccessKey,
    forcePathStyle: true,
    tmpDir,
    timeoutMs: 2000,
    retries: 1,
    onWarning: () => {},
    ...overrides,
  })
  opened.push(store)
  return store
}

const keysInMock = async () => (await mocksOf().s3Objects()).map((o) => o.key)
const bytesOf = async (stream: Readable) => Buffer.concat(await stream.toArray())
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
// every byte value, then noise: a text-only round trip would hide an encoding bug
const binary = () => Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(300_000)])

describe('the S3 blob store, against the S3 mock over HTTP', () => {
  it('keeps a binary file as one signed PUT with its SHA-256, and streams it back byte for byte', async () => {
    const store = s3Store()
    const bytes = binary()
    const upload = await store.receive(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]))
    expect(upload).toMatchObject({ size: bytes.length, sha256: sha256(bytes) })

    await store.keep(upload, 'ab/f_roundtrip', { mime: 'image/png' })
    expect(fs.existsSync(upload.tempPath)).toBe(false)
    expect((await mocksOf().s3Objects()).find((o) => o.key === 'ab/f_roundtrip')).toEqual({
      bucket: DEV_CREDENTIALS.s3Bucket,
      key: 'ab/f_roundtrip',
      size: bytes.length,
      sha256: sha256(bytes),
      contentType: 'image/png',
      checksum: { algorithm: 'sha256', value: Buffer.from(sha256(bytes), 'hex').toString('base64') },
    })
    expect(await bytesOf(await store.open('ab/f_roundtrip'))).toEqual(bytes)
    const calls = await mocksOf().calls('s3')
    expect(calls.map((c) => [c.method, c.path, c.status])).toEqual([
      ['PUT', `/s3/${DEV_CREDENTIALS.s3Bucket}/ab/f_roundtrip`, 200],
      ['GET', `/s3/${DEV_CREDENTIALS.s3Bucket}/ab/f_roundtrip`, 200],
    ])
    // the body went as the plain bytes, not aws-chunked
    expect(calls[0]?.body).toEqual({ bytes: bytes.length, sha256: sha256(bytes) })
  })

  it('is refused by the store when the bytes no longer match the checksum taken on arrival', async () => {
    const store = s3Store()
    const upload = await store.receive(Readable.from([Buffer.from('original bytes of a photo')]))
    // the temporary file changes between receiving and keeping (a bad disk, a bug)
    fs.writeFileSync(upload.tempPath, 'tampered bytes of a photo')

    const kept = store.keep(upload, 'ab/f_tampered', { mime: 'image/jpeg' })
    await expect(kept).rejects.toBeInstanceOf(BlobStoreError)
    await expect(kept).rejects.toThrow('s3 PutObject ab/f_tampered: HTTP 400 BadDigest')
    expect(await keysInMock()).not.toContain('ab/f_tampered')
    expect(fs.existsSync(upload.tempPath)).toBe(false)
  })

  it('says not found, and nothing else, for a key with nothing under it', async () => {
    await expect(s3Store().open('zz/f_never')).rejects.toBeInstanceOf(BlobNotFoundError)
  })

  it('removes an object, after which it is not found', async () => {
    const store = s3Store()
    await store.keep(await store.receive(Readable.from([Buffer.from('voice')])), 'cd/f_removed', { mime: 'audio/mp4' })
    await store.remove('cd/f_removed')
    await store.remove('cd/f_removed')
    await expect(store.open('cd/f_removed')).rejects.toBeInstanceOf(BlobNotFoundError)
  })

  it('is refused with a wrong secret, as a store failure rather than a missing file', async () => {
    const store = s3Store({ secretAccessKey: 'not-the-secret' })
    const upload = await store.receive(Readable.from([Buffer.from('photo')]))
    await expect(store.keep(upload, 'ab/f_wrongsecret', { mime: 'image/jpeg' })).rejects.toThrow('HTTP 403 SignatureDoesNotMatch')
    const open = store.open('ab/f_wrongsecret')
    await expect(open).rejects.toBeInstanceOf(BlobStoreError)
    await expect(open).rejects.toThrow('HTTP 403 SignatureDoesNotMatch')
    expect(await keysInMock()).not.toContain('ab/f_wrongsecret')
  })

  it('calls a bucket that does not exist a store failure, not a missing file', async () => {
    await expect(s3Store({ bucket: 'no-such-bucket' }).open('ab/f_x')).rejects.toThrow('HTTP 404 NoSuchBucket')
  })

  it('sends the file again, from the start, when the store answers 503', async () => {
    const store = s3Store()
    const upload = await store.receive(Readable.from([Buffer.from('a photo worth retrying')]))
    await mocksOf().injectFault({ platform: 's3', mode: 'fail' })
    await store.keep(upload, 'ef/f_retried', { mime: 'image/jpeg' })
    expect((await mocksOf().calls('s3')).map((c) => c.status)).toEqual([503, 200])
    expect(await text(await store.open('ef/f_retried'))).toBe('a photo worth retrying')
  })

  it('gives up after its retries when the store stays busy', async () => {
    const store = s3Store()
    const upload = await store.receive(Readable.from([Buffer.from('photo')]))
    await mocksOf().injectFault({ platform: 's3', mode: 'busy', count: 2 })
    await expect(store.keep(upload, 'ef/f_busy', { mime: 'image/jpeg' })).rejects.toThrow('HTTP 503 SlowDown')
    expect((await mocksOf().calls('s3')).map((c) => c.status)).toEqual([503, 503])
  })
})
