import type { FastifyBaseLogger } from 'fastify'
import type { AppConfig } from '../../config'
import type { BlobStore } from './blob-store'
import { createLocalBlobStore } from './local-blob-store'
import { createS3BlobStore } from './s3-blob-store'

/** The store FILE_STORE names, with the timeouts and retries of every outside platform. */
export function createBlobStore(
  fileStore: AppConfig['fileStore'],
  { timeoutMs, retries, log }: { timeoutMs: number; retries: number; log: Pick<FastifyBaseLogger, 'warn'> },
): BlobStore {
  if (fileStore.kind === 'local') return createLocalBlobStore(fileStore.dir, fileStore.tmpDir)
  const onWarning = (message: string) => log.warn({ store: 's3' }, message)
  return createS3BlobStore({ ...fileStore.s3, tmpDir: fileStore.tmpDir, timeoutMs, retries, onWarning })
}
