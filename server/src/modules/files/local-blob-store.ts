import fs from 'node:fs'
import path from 'node:path'
import { assertKey, BlobNotFoundError, type BlobStore } from './blob-store'
import { createTempUploads } from './temp-uploads'

/**
 * Files under DATA_DIR/files, named by key, never by what the sender called them: the synced
 * temporary file is renamed into place (same file system, so atomic) and the folder synced,
 * so a kept file survives a power cut.
 */
export function createLocalBlobStore(root: string, tmpDir = path.join(root, 'tmp')): BlobStore {
  const temp = createTempUploads(tmpDir)
  const pathOf = (key: string) => {
    assertKey(key)
    return path.join(root, key)
  }

  return {
    ...temp,

    async keep(upload, key) {
      try {
        const target = pathOf(key)
        await fs.promises.mkdir(path.dirname(target), { recursive: true })
        await fs.promises.rename(upload.tempPath, target)
        const dir = await fs.promises.open(path.dirname(target), 'r')
        await dir.sync().finally(() => dir.close())
      } finally {
        await temp.discard(upload)
      }
    },

    async open(key) {
      const handle = await fs.promises.open(pathOf(key), 'r').catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'ENOENT' ? new BlobNotFoundError(key) : error
      })
      return handle.createReadStream()
    },

    async remove(key) {
      await fs.promises.rm(pathOf(key), { force: true })
    },

    async close() {},
  }
}
