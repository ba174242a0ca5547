import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BlobNotFoundError, type BlobStore } from './blob-store'
import { createLocalBlobStore } from './local-blob-store'

let root: string
let store: BlobStore
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-local-store-'))
  store = createLocalBlobStore(root)
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

const bytesOf = async (stream: Readable) => Buffer.concat(await stream.toArray())

describe('the local blob store (DATA_DIR/files)', () => {
  it('receives into tmp/, hashing and keeping the first bytes, then keeps the file under its key', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(100_000)])
    const upload = await store.receive(Readable.from([bytes.subarray(0, 3), bytes.subarray(3)]))
    expect(path.dirname(upload.tempPath)).toBe(path.join(root, 'tmp'))
    expect(upload).toMatchObject({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') })
    expect(Buffer.from(upload.head)).toEqual(bytes.subarray(0, 16))

    await store.keep(upload, 'ab/f_local', { mime: 'image/jpeg' })
    expect(fs.existsSync(upload.tempPath)).toBe(false)
    expect(fs.readFileSync(path.join(root, 'ab/f_local'))).toEqual(bytes)
    expect(await bytesOf(await store.open('ab/f_local'))).toEqual(bytes)
  })

  it('says not found for a key with nothing under it, and after removal', async () => {
    await expect(store.open('zz/f_never')).rejects.toBeInstanceOf(BlobNotFoundError)
    await store.keep(await store.receive(Readable.from([Buffer.from('voice')])), 'cd/f_gone', { mime: 'audio/mp4' })
    await store.remove('cd/f_gone')
    await store.remove('cd/f_gone')
    await expect(store.open('cd/f_gone')).rejects.toBeInstanceOf(BlobNotFoundError)
  })

  it('discards a refused upload without keeping anything', async () => {
    const upload = await store.receive(Readable.from([Buffer.from('%PDF-1.7')]))
    await store.discard(upload)
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([])
    expect(fs.readdirSync(root)).toEqual(['tmp'])
  })

  it('never follows a key out of its folder', async () => {
    const upload = await store.receive(Readable.from([Buffer.from('photo')]))
    await expect(store.keep(upload, '../escaped', { mime: 'image/jpeg' })).rejects.toThrow(/not a storage key/)
    await expect(store.open('../../etc/passwd')).rejects.toThrow(/not a storage key/)
    expect(fs.existsSync(path.join(root, '..', 'escaped'))).toBe(false)
    expect(fs.existsSync(upload.tempPath)).toBe(false)
  })
})
