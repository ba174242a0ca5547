import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * `<image src>` in a mini-program and `<img>` in H5 cannot send a bearer token, so a file is
 * shown through a short-lived signed URL, handed out only to someone allowed to see it.
 */
export function createUrlSigner(secret: string, ttlSec: number) {
  const key = createHmac('sha256', secret).update('xinfang:file-url:v1').digest()
  const sign = (id: string, exp: number) => createHmac('sha256', key).update(`${id}.${exp}`).digest('base64url')
  return {
    urlFor(id: string, now: Date): string {
      const exp = Math.floor(now.getTime() / 1000) + ttlSec
      return `/api/v1/files/${id}/content?exp=${exp}&sig=${sign(id, exp)}`
    },
    verify(id: string, exp: number, sig: string, now: Date): boolean {
      if (exp * 1000 < now.getTime()) return false
      const expected = Buffer.from(sign(id, exp))
      const given = Buffer.from(sig)
      return expected.length === given.length && timingSafeEqual(expected, given)
    },
  }
}

export type UrlSigner = ReturnType<typeof createUrlSigner>
