// Masking for lists and anything shown to someone not cleared to see the full value.
// The full value is decrypted and audited on the server; these only hide it.
// Masks keep the length of what they hide, so staff can still tell records apart
// by shape, and keep the ends that residents use to recognise their own data.

const stars = (n: number): string => '*'.repeat(Math.max(0, n))

const MOBILE = /^1[3-9]\d{9}$/
// +86 / 0086 / 86 followed by a mobile number; separators already removed.
const INTERNATIONAL_MOBILE = /^(\+86|0086|86)(1[3-9]\d{9})$/
// Area code (010, 02x: three digits; others four, Zhengzhou 0371) then 7-8 digits.
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/

/** Mainland mobile number, 11 digits with no prefix or separators (normalise first). */
export const isMobilePhone = (value: string): boolean => MOBILE.test(value)

/**
 * 138****1234; +86 138****1234; 0371-****5678. Anything else keeps its first
 * three and last four digits when it has at least eleven, otherwise only the last four.
 */
export const maskPhone = (value: string): string => {
  const compact = value.trim().replace(/[\s\-()（）]/g, '')
  if (compact === '') return ''
  const maskMobile = (m: string) => `${m.slice(0, 3)}****${m.slice(7)}`
  if (MOBILE.test(compact)) return maskMobile(compact)
  const intl = INTERNATIONAL_MOBILE.exec(compact)
  if (intl?.[2]) return `+86 ${maskMobile(intl[2])}`
  const landline = LANDLINE.exec(compact)
  if (landline?.[1] && landline[2]) {
    const local = landline[2]
    return `${landline[1]}-${stars(local.length - 4)}${local.slice(-4)}`
  }
  if (compact.length >= 11) return `${compact.slice(0, 3)}${stars(compact.length - 7)}${compact.slice(-4)}`
  return `${stars(compact.length - 4)}${compact.slice(-4)}`
}

/**
 * 4101**********123X for 18 digits, 4101*******1234 for the old 15-digit numbers:
 * province and city stay (often needed to route a case), birth date and serial go.
 */
export const maskIdNumber = (value: string): string => {
  const id = value.trim().toUpperCase()
  if (id.length <= 8) return stars(id.length)
  return `${id.slice(0, 4)}${stars(id.length - 8)}${id.slice(-4)}`
}

/**
 * 张三 -> 张*, 欧阳娜娜 -> 欧***, 张 -> *. The separator in transliterated minority
 * names stays (买买提·艾力 -> 买**·**) because it is not personal. Counts code
 * points, not UTF-16 units, so rare characters outside the BMP mask as one.
 */
export const maskName = (value: string): string => {
  const chars = Array.from(value.trim())
  if (chars.length <= 1) return stars(chars.length)
  return chars.map((c, i) => (i === 0 || c === '·' || c === '•' ? c : '*')).join('')
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const ID_CHECK = '10X98765432'

const isRealDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * 18-digit 居民身份证号码 (GB 11643-1999): structure, a real birth date and the
 * ISO 7064 MOD 11-2 check character. The 15-digit first-generation numbers have
 * no check digit and stopped being valid in 2013, so they are refused.
 */
export const isValidIdNumber = (value: string): boolean => {
  const id = value.toUpperCase()
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false
  const year = Number(id.slice(6, 10))
  if (year < 1800 || !isRealDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * (ID_WEIGHTS[i] ?? 0)
  return ID_CHECK[sum % 11] === id[17]
}
