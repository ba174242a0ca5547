import { randomBytes, randomFillSync } from 'node:crypto'
import { generateTrackingNo } from '@xinfang/shared/tracking-number'

const POOL_BYTES = 4096
const pool = Buffer.alloc(POOL_BYTES)
let poolOffset = POOL_BYTES

/**
 * `n` bytes from the system's CSPRNG, drawn from a pool refilled 4 KB at a time. Each
 * randomBytes() call costs a trip into OpenSSL (and a getpid); a submission's id and tracking
 * number asked for them separately, a twentieth of its CPU under load. Bytes are handed out once.
 */
function poolBytes(n: number): Buffer {
  if (n > POOL_BYTES) return randomBytes(n)
  if (poolOffset + n > POOL_BYTES) {
    randomFillSync(pool)
    poolOffset = 0
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + n))
  poolOffset += n
  return bytes
}

/** Opaque, unguessable ids: 128 random bits, URL-safe. A prefix tells a log reader what it is. */
export const newId = (prefix: string) => `${prefix}_${poolBytes(16).toString('base64url')}`

/**
 * An id that starts with its creation time (milliseconds, 12 hex digits) and ends with 80
 * random bits: still unguessable, but rows keyed by it, and the indexes of the tables that
 * refer to it, grow at their end instead of on a random page each; for rows written on the hot
 * path (cases, notices), where every page an insert touches is written again at commit.
 */
export const newTimeOrderedId = (prefix: string, at: Date) => `${prefix}_${at.getTime().toString(16).padStart(12, '0')}${poolBytes(10).toString('base64url')}`

export const newTrackingNo = () => generateTrackingNo(poolBytes)

export const newSecretToken = () => randomBytes(32).toString('base64url')
