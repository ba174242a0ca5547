import type { Readable } from 'node:stream'

/** An upload received into a local temporary file, hashed, with its first bytes kept for sniffing. */
export interface StoredUpload {
  tempPath: string
  size: number
  /** hex */
  sha256: string
  head: Uint8Array
}

/**
 * Where uploaded files are kept, by key: this node's disk, or an object store every API node
 * shares. An upload is always received locally first, so it can be sniffed and refused before
 * anything is stored, and only then kept.
 */
export interface BlobStore {
  receive(stream: Readable): Promise<StoredUpload>
  /** Durable under `key` once this resolves; the temporary file is gone either way. */
  keep(upload: StoredUpload, key: string, meta: { mime: string }): Promise<void>
  discard(upload: Pick<StoredUpload, 'tempPath'>): Promise<void>
  /** The stored bytes; throws BlobNotFoundError when nothing is stored under `key`. */
  open(key: string): Promise<Readable>
  /** Nothing under `key` afterwards, whether or not there was before. */
  remove(key: string): Promise<void>
  close(): Promise<void>
}

export class BlobNotFoundError extends Error {
  override readonly name = 'BlobNotFoundError'
  constructor(readonly key: string) {
    super(`nothing stored under ${key}`)
  }
}

/**
 * The store failed or refused us (unreachable, credentials, checksum). It carries no HTTP status
 * on purpose: the error handler must answer 500, never pass the store's 403 or 400 to a resident.
 */
export class BlobStoreError extends Error {
  override readonly name = 'BlobStoreError'
}

/** Keys are ours (`ab/f_…`), never a sender's file name; anything else is a bug, not a path to follow. */
export function assertKey(key: string): void {
  if (!/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`)
}
