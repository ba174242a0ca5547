import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEV_CREDENTIALS } from '@xinfang/mocks/config'
import { loadConfig } from '@xinfang/server/config'
import { createBlobStore } from '@xinfang/server/modules/files/create-blob-store'
import { expectError } from '../support/client'
import { loginResident, TINY_JPEG, uploadFile } from '../support/actors'
import { stackEnv, startStack, type Stack } from '../support/stack'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
// a JPEG's magic bytes and a few hundred KB behind them, as a phone's photo would be
const photo = () => Buffer.concat([TINY_JPEG, randomBytes(400_000)])

/** What the API node keeps on its own disk under DATA_DIR/files, temporary files included. */
function localFiles(stack: Stack): string[] {
  const root = path.join(stack.dataDir, 'files')
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name)
}

describe('files kept in an S3-compatible bucket (FILE_STORE=s3)', () => {
  let stack: Stack
  let token: string
  beforeAll(async () => {
    stack = await startStack({ env: { FILE_STORE: 's3' } })
    token = (await loginResident(stack.api, 'alice')).token
  })
  afterAll(() => stack?.close())
  beforeEach(() => stack.mocks.clearCalls())

  it('stores an upload in the bucket, not on the node, and serves the signed link from there', async () => {
    const bytes = photo()
    const upload = await uploadFile(stack.api, token, bytes)
    expect(upload.status).toBe(201)

    const stored = (await stack.mocks.s3Objects()).find((object) => object.sha256 === sha256(bytes))
    expect(stored).toMatchObject({ bucket: DEV_CREDENTIALS.s3Bucket, key: expect.stringMatching(new RegExp(`/${upload.body.id}$`)), size: bytes.length, contentType: 'image/jpeg' })
    expect(stored?.checksum).toEqual({ algorithm: 'sha256', value: Buffer.from(sha256(bytes), 'hex').toString('base64') })
    expect(localFiles(stack)).toEqual([])

    const image = await fetch(`${stack.baseUrl}${upload.body.url}`)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/jpeg')
    expect(sha256(new Uint8Array(await image.arrayBuffer()))).toBe(sha256(bytes))
    const calls = await stack.mocks.calls('s3')
    expect(calls.map((call) => [call.method, call.path, call.status])).toEqual([
      ['PUT', `/s3/${DEV_CREDENTIALS.s3Bucket}/${stored?.key}`, 200],
      ['GET', `/s3/${DEV_CREDENTIALS.s3Bucket}/${stored?.key}`, 200],
    ])
  })

  it('answers FILE_NOT_FOUND, not a 500, for a recorded file whose object is gone', async () => {
    const bytes = photo()
    const upload = await uploadFile(stack.api, token, bytes)
    const key = (await stack.mocks.s3Objects()).find((object) => object.sha256 === sha256(bytes))?.key ?? ''
    const bucket = createBlobStore(stack.app.config.fileStore, { timeoutMs: 2000, retries: 0, log: console })
    await bucket.remove(key)
    await bucket.close()

    expectError(await stack.api.get(upload.body.url), 404, 'FILE_NOT_FOUND')
  })

  it('answers a generic 500 when the bucket stays unavailable, and leaves no temporary file behind', async () => {
    await stack.mocks.injectFault({ platform: 's3', mode: 'fail', count: 2 })
    const upload = await uploadFile(stack.api, token, photo())
    expectError(upload, 500, 'INTERNAL')
    expect(localFiles(stack)).toEqual([])
  })

  it('retries a PUT the bucket answered 503, sending the whole file again', async () => {
    const bytes = photo()
    await stack.mocks.injectFault({ platform: 's3', mode: 'fail' })
    expect((await uploadFile(stack.api, token, bytes)).status).toBe(201)
    expect((await stack.mocks.calls('s3')).map((call) => [call.method, call.status, call.body])).toEqual([
      ['PUT', 503, { bytes: bytes.length, sha256: sha256(bytes) }],
      ['PUT', 200, { bytes: bytes.length, sha256: sha256(bytes) }],
    ])
  })

  it('answers a generic 500, never the bucket 403, when the node has the wrong secret', async () => {
    await stack.restart({ S3_SECRET_ACCESS_KEY: 'not-the-secret' })
    try {
      const upload = await uploadFile(stack.api, token, photo())
      expectError(upload, 500, 'INTERNAL')
      expect((await stack.mocks.calls('s3')).map((call) => call.status)).toEqual([403])
    } finally {
      await stack.restart()
    }
  })

  it('refuses to start with s3 selected and a setting missing, naming it', () => {
    const { S3_BUCKET: _bucket, S3_SECRET_ACCESS_KEY: _secret, ...env } = stackEnv(stack.mocks, stack.dataDir)
    expect(() => loadConfig({ ...env, FILE_STORE: 's3' })).toThrow(/FILE_STORE=s3 needs .*; missing: S3_BUCKET, S3_SECRET_ACCESS_KEY/)
    expect(loadConfig(env).fileStore.kind).toBe('local')
  })
})
