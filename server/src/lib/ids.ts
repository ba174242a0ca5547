import { randomBytes } from 'node:crypto'
import { generateTrackingNo } from '@xinfang/shared/tracking-number'

/** Opaque, unguessable ids: 128 random bits, URL-safe. A prefix tells a log reader what it is. */
export const newId = (prefix: string) => `${prefix}_${randomBytes(16).toString('base64url')}`

export const newTrackingNo = () => generateTrackingNo((n) => randomBytes(n))

export const newSecretToken = () => randomBytes(32).toString('base64url')
