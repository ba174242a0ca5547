import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { SNIFF_BYTES } from './sniff'

export interface StoredUpload {
  tempPath: string
  size: number
  sha256: string
  head: Uint8Array
}

/**
 * Files live under DATA_DIR/files, named by id, never by what the sender called them.
 * An upload streams to a temporary file (hashing and keeping its first bytes for sniffing),
 * is synced to disk, and only then renamed into place and recorded.
 */
export function createFileStorage(root: string) {
  const tmpDir = path.join(root, 'tmp')
  fs.mkdirSync(tmpDir, { recursive: true })
  const pathOf = (storageKey: string) => path.join(root, storageKey)

  return {
    pathOf,

    async receive(stream: Readable): Promise<StoredUpload> {
      const tempPath = path.join(tmpDir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`)
      const hash = createHash('sha256')
      const handle = await fs.promises.open(tempPath, 'w')
      let size = 0
      let head = new Uint8Array(0)
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          hash.update(chunk)
          if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)])
          size += chunk.length
          await handle.write(chunk)
        }
        await handle.sync()
      } catch (error) {
        await handle.close()
        await fs.promises.rm(tempPath, { force: true })
        throw error
      }
      await handle.close()
      return { tempPath, size, sha256: hash.digest('hex'), head }
    },

    async keep(upload: StoredUpload, storageKey: string): Promise<void> {
      await fs.promises.mkdir(path.dirname(pathOf(storageKey)), { recursive: true })
      await fs.promises.rename(upload.tempPath, pathOf(storageKey))
    },

    async discard(upload: Pick<StoredUpload, 'tempPath'>): Promise<void> {
      await fs.promises.rm(upload.tempPath, { force: true })
    },
  }
}

export type FileStorage = ReturnType<typeof createFileStorage>
