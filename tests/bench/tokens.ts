import { createHmac } from 'node:crypto'

/** An HS256 access token for a resident, as the API would sign it with the same secret. */
export function residentToken(secret: string, residentId: string, ttlSec = 3600): string {
  const now = Math.floor(Date.now() / 1000)
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: residentId, typ: 'resident', iat: now, exp: now + ttlSec })}`
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
}
