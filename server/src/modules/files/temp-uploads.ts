import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { StoredUpload } from './blob-store'
import { SNIFF_BYTES } from './sniff'

/**
 * Uploads stream to a temporary file on this node (hashing them and keeping their first bytes
 * for sniffing) and are synced to disk before anyone decides to keep them.
 */
export function createTempUploads(tmpDir: string) {
  fs.mkdirSync(tmpDir, { recursive: true })

  return {
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

    async discard(upload: Pick<StoredUpload, 'tempPath'>): Promise<void> {
      await fs.promises.rm(upload.tempPath, { force: true })
    },
  }
}
