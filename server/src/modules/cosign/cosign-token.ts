import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

// `<id>.<mac>`: 12 + 1 + 16 = 29 characters of [A-Za-z0-9_-.], inside WeChat's 32-character scene.
const ID_BYTES = 9
const MAC_BYTES = 12

/**
 * The token a joint complaint's QR codes carry. It names the campaign's current token id, not
 * the case, and is MACed so a forged or altered one is refused before any lookup. Revoking is
 * rotating the id: every code printed with the old one stops working.
 */
export function cosignTokens(secret: string) {
  // a key of its own, derived so one leaked token key cannot sign sessions and vice versa
  const key = createHmac('sha256', secret).update('xinfang:cosign-token:v1').digest()
  const mac = (id: string) => createHmac('sha256', key).update(id).digest().subarray(0, MAC_BYTES)
  return {
    newId: () => randomBytes(ID_BYTES).toString('base64url'),
    issue: (id: string) => `${id}.${mac(id).toString('base64url')}`,
    /** The token id if the token is genuine, else null. */
    verify(token: string): string | null {
      const [id, given, extra] = token.split('.')
      if (!id || !given || extra !== undefined) return null
      const expected = mac(id)
      const actual = Buffer.from(given, 'base64url')
      return actual.length === expected.length && timingSafeEqual(actual, expected) ? id : null
    },
  }
}

export type CosignTokens = ReturnType<typeof cosignTokens>
