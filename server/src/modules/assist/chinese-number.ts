const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 }
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 }

/** The characters a written number may use, Arabic digits and 万 included: `1.5万`, `两千三百`. */
export const NUMBER_CHARS = '0-9０-９.零〇一幺二两俩三四五六七八九十拾百佰千仟万亿'

/**
 * A number as people write amounts: 两千三百 -> 2300, 一万四千 -> 14000, 1.5万 -> 15000,
 * 十五万 -> 150000, 三千八 -> 3800 (the trailing digit counts in the next lower unit, as spoken).
 * Null when the text is not a number.
 */
export function parseChineseNumber(raw: string): number | null {
  const text = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  if (text === '') return null
  let total = 0
  let section = 0
  let digit: number | null = null
  let lastUnit = 1
  let arabic = ''
  const flushArabic = () => {
    if (arabic === '') return
    digit = Number(arabic)
    arabic = ''
  }
  for (const ch of text) {
    if (/[0-9.]/.test(ch)) {
      arabic += ch
      continue
    }
    flushArabic()
    if (ch in DIGITS) digit = DIGITS[ch]!
    else if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch]!
      section += (digit ?? 1) * unit
      digit = null
      lastUnit = unit
    } else if (ch in BIG_UNITS) {
      const unit = BIG_UNITS[ch]!
      total += (section + (digit ?? 0)) * unit
      section = 0
      digit = null
      lastUnit = unit
    } else return null
  }
  flushArabic()
  if (digit !== null) {
    // 三千八: a lone digit after a unit is in the next unit down; after nothing it is itself
    section += lastUnit > 1 && !/[零〇]/.test(text) ? digit * (lastUnit / 10) : digit
  }
  const value = total + section
  return Number.isFinite(value) ? value : null
}
