import type { FileRef } from '@xinfang/shared/contracts/files'
import type { FileRow } from './file-repository'
import type { UrlSigner } from './signed-url'

export const FILE_URL_TTL_SEC = 60 * 60

export const fileRef = (row: FileRow, signer: UrlSigner, now: Date): FileRef => ({
  id: row.id,
  kind: row.kind,
  mime: row.mime,
  size: row.size,
  url: signer.urlFor(row.id, now),
  createdAt: row.createdAt.toISOString(),
})
