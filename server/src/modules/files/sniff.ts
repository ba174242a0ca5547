import type { FileKind } from '@xinfang/shared/contracts/files'

export interface Sniffed {
  kind: FileKind
  mime: string
}

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))
const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b)

/** ISO base media files (HEIC photos, M4A voice notes) say what they are in the ftyp box. */
function isoBrand(bytes: Uint8Array): string | null {
  return ascii(bytes, 4, 8) === 'ftyp' ? ascii(bytes, 8, 12) : null
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1'])
const M4A_BRANDS = new Set(['M4A ', 'M4B ', 'mp42', 'isom', 'iso2', 'MSNV'])

/**
 * What a file is, from its first bytes; the name and the declared type are the sender's claim
 * and are ignored. Photos: JPEG, PNG, WEBP, HEIC, GIF. Voice: the formats phones record in —
 * AAC/M4A (WeChat and iOS), MP3, AMR (Android), WAV, and SILK (WeChat voice messages).
 */
export function sniff(head: Uint8Array): Sniffed | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg' }
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png' }
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { kind: 'image', mime: 'image/webp' }
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return { kind: 'image', mime: 'image/gif' }
  const brand = isoBrand(head)
  if (brand && HEIF_BRANDS.has(brand)) return { kind: 'image', mime: 'image/heic' }
  if (brand && M4A_BRANDS.has(brand)) return { kind: 'audio', mime: 'audio/mp4' }
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WAVE') return { kind: 'audio', mime: 'audio/wav' }
  if (ascii(head, 0, 3) === 'ID3') return { kind: 'audio', mime: 'audio/mpeg' }
  if (ascii(head, 0, 6) === '#!AMR\n') return { kind: 'audio', mime: 'audio/amr' }
  if (ascii(head, 0, 9) === '#!SILK_V3' || ascii(head, 1, 10) === '#!SILK_V3') return { kind: 'audio', mime: 'audio/silk' }
  // ADTS AAC and MPEG audio frames both start with an 11/12-bit sync word
  if (head[0] === 0xff && head[1] !== undefined && (head[1] & 0xf6) === 0xf0) return { kind: 'audio', mime: 'audio/aac' }
  if (head[0] === 0xff && head[1] !== undefined && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) !== 0) return { kind: 'audio', mime: 'audio/mpeg' }
  return null
}

/** How many leading bytes `sniff` needs. */
export const SNIFF_BYTES = 16
