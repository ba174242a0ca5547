import type { FileRef } from '@xinfang/shared/contracts/files'
import type { FileRow } from './file-repository'
import { createUrlSigner, type UrlSigner } from './signed-url'

const FILE_URL_TTL_SEC = 60 * 60

/** The signer for file links: the upload route and the case views must agree on it. */
export const fileUrlSigner = (secret: string) => createUrlSigner(secret, FILE_URL_TTL_SEC)

export const fileRef = (row: FileRow, signer: UrlSigner, now: Date): FileRef => ({
  id: row.id,
  kind: row.kind,
  mime: row.mime,
  size: row.size,
  url: signer.urlFor(row.id, now),
  createdAt: row.createdAt.toISOString(),
})
