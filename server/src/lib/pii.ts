import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'

/**
 * Personal data at rest: AES-256-GCM with a random 96-bit nonce per value, stored as
 * `v1.<nonce>.<tag>.<ciphertext>` (base64url) so a later key can be introduced as v2 and
 * old rows still read. `hash` is a keyed HMAC for finding a row by value without storing it.
 */
export interface PiiCipher {
  encrypt(plain: string): string
  decrypt(stored: string): string
  hash(plain: string): string
}

export function createPiiCipher(key: Buffer, hashKey: string): PiiCipher {
  if (key.length !== 32) throw new Error('PII key must be 32 bytes')
  return {
    encrypt(plain) {
      const nonce = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, nonce)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return ['v1', nonce, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
    },
    decrypt(stored) {
      const [version, nonce, tag, body] = stored.split('.')
      if (version !== 'v1' || !nonce || !tag || body === undefined) throw new Error('unreadable PII value')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    },
    hash(plain) {
      return createHmac('sha256', hashKey).update(plain.normalize('NFKC').trim()).digest('base64url')
    },
  }
}
