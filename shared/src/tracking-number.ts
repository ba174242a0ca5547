// Case tracking numbers: 12 digits, shown as 1234-5678-9012. Digits only, because
// elderly residents read them out over the phone; 11 random digits (10^11) so they
// cannot be guessed; a Damm check digit so a misheard digit or two swapped
// neighbours are caught before a lookup, without any letter the resident must spell.
// @see https://en.wikipedia.org/wiki/Damm_algorithm

const RANDOM_DIGITS = 11
const LENGTH = RANDOM_DIGITS + 1

// Damm's totally anti-symmetric quasigroup of order 10 (H. Michael Damm, 2004).
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const

/** The Damm interim digit of a digit string; 0 for a string that ends in its check digit. */
export const dammDigit = (digits: string): number => {
  let interim = 0
  for (const ch of digits) interim = DAMM[interim]?.[ch.charCodeAt(0) - 48] ?? Number.NaN
  return interim
}

// Bytes 250..255 are dropped: 256 is not a multiple of 10, and `byte % 10` on
// all of them would make 0-5 slightly likelier than 6-9.
const UNBIASED_LIMIT = 250
const MAX_ROUNDS = 64

/**
 * A fresh tracking number as 12 plain digits (the stored form). `random(n)` must
 * return n cryptographically random bytes, e.g. `crypto.getRandomValues` on the
 * server or the mini-program's own secure source; this package has no Node APIs.
 */
export const generateTrackingNo = (random: (n: number) => Uint8Array): string => {
  let digits = ''
  for (let round = 0; digits.length < RANDOM_DIGITS; round += 1) {
    if (round >= MAX_ROUNDS) throw new Error('random source keeps returning unusable bytes')
    // Ask for exactly what is still missing, so no randomness is wasted or reused.
    for (const byte of random(RANDOM_DIGITS - digits.length)) {
      if (byte < UNBIASED_LIMIT && digits.length < RANDOM_DIGITS) digits += String(byte % 10)
    }
  }
  return `${digits}${dammDigit(digits)}`
}

const FULLWIDTH_ZERO = 0xff10
// Spaces (incl. the ideographic one), ASCII and full-width hyphens, and the dashes
// phone keyboards and IMEs substitute for them.
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\u2212\uff0d]/g

/** 12 ASCII digits, or null when the input is not shaped like a tracking number. */
export const normalizeTrackingNo = (input: string): string | null => {
  const ascii = input
    .replace(SEPARATORS, '')
    .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - FULLWIDTH_ZERO))
  return ascii.length === LENGTH && /^\d+$/.test(ascii) ? ascii : null
}

/** Well-formed and passing the Damm check; it may still belong to no case. */
export const isValidTrackingNo = (input: string): boolean => {
  const digits = normalizeTrackingNo(input)
  return digits !== null && dammDigit(digits) === 0
}

/** 1234-5678-9012, in groups of four that are easy to read aloud. */
export const formatTrackingNo = (digits: string): string => {
  const normalized = normalizeTrackingNo(digits)
  if (normalized === null) throw new RangeError('a tracking number has 12 digits')
  return normalized.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1-$2-$3')
}
