import { sign, verify, type KeyObject } from 'node:crypto'

// The gateway's half of Alipay RSA2 (SHA256withRSA). Written apart from the
// server's adapter on purpose: the two may agree only through the wire format,
// so a mistake copied into both would otherwise pass unnoticed.

/** Every non-empty parameter except `sign`, sorted by name, as raw `k=v` joined with `&`. */
export function signingContent(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&')
}

export function signText(text: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(text, 'utf8'), privateKey).toString('base64')
}

export function verifyText(text: string, signature: string, publicKey: KeyObject): boolean {
  return verify('sha256', Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64'))
}

/** `yyyy-MM-dd HH:mm:ss` in China Standard Time (UTC+8 all year, no daylight saving). */
export function chinaTimestamp(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

/** Milliseconds since the epoch for a China-time `yyyy-MM-dd HH:mm:ss`, or null if malformed. */
export function parseChinaTimestamp(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text)
  if (match === null) return null
  const utc = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}+08:00`).getTime()
  return Number.isNaN(utc) ? null : utc
}
