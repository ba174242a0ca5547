import type { ZoneField, ZoneRule } from './zone-rules'

/** A zone form as sent: each field's value by key; numbers may come typed as text. */
export type ZoneFormInput = Readonly<Record<string, string | number | null | undefined>>
/** A zone form after the check: trimmed text, numbers as numbers, empty optional fields left out. */
export type ZoneForm = Record<string, string | number>

export interface ZoneFormIssue {
  field: string
  message: string
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(\d{2})$/

function isRealDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

const isRealMonth = (value: string): boolean => {
  const m = MONTH.exec(value)
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 1990
}

const decimals = (kind: ZoneField['kind']) => (kind === 'amount' ? 2 : kind === 'temperature' ? 1 : 0)

/** One field's value, or the sentence that tells the resident what is wrong with it. */
function checkField(field: ZoneField, raw: string | number | null | undefined, today: string): { value?: string | number; problem?: string } {
  const text = typeof raw === 'string' ? raw.trim() : raw
  if (text === '' || text === null || text === undefined) return field.required ? { problem: `请填写「${field.label}」` } : {}
  const label = `「${field.label}」`
  switch (field.kind) {
    case 'amount':
    case 'count':
    case 'temperature': {
      const n = typeof text === 'number' ? text : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN
      if (!Number.isFinite(n)) return { problem: `${label}请填写数字` }
      if (Math.round(n * 10 ** decimals(field.kind)) !== n * 10 ** decimals(field.kind)) {
        return { problem: field.kind === 'count' ? `${label}请填写整数` : `${label}最多保留${decimals(field.kind)}位小数` }
      }
      if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) return { problem: `${label}应在${field.min}到${field.max}之间` }
      return { value: n }
    }
    case 'date':
    case 'month': {
      const value = String(text)
      const valid = field.kind === 'date' ? isRealDate(value) : isRealMonth(value)
      if (!valid) return { problem: field.kind === 'date' ? `${label}请按 2026-12-01 的格式填写` : `${label}请按 2026-12 的格式填写` }
      if (field.notFuture && value > today.slice(0, value.length)) return { problem: `${label}不能晚于今天` }
      return { value }
    }
    case 'choice': {
      const value = String(text)
      return field.options?.some((o) => o.code === value) ? { value } : { problem: `${label}不在可选范围内` }
    }
    default: {
      const value = String(text)
      if (field.maxLength !== undefined && [...value].length > field.maxLength) return { problem: `${label}最多${field.maxLength}个字` }
      if (field.pattern && !new RegExp(field.pattern.source).test(value)) return { problem: field.pattern.message }
      return { value }
    }
  }
}

/** Fields that depend on another: an end that comes before its start. */
function crossChecks(rule: ZoneRule, form: ZoneForm): ZoneFormIssue[] {
  return rule.fields.flatMap((field) => {
    const other = field.notBefore ? rule.fields.find((f) => f.key === field.notBefore) : undefined
    const value = form[field.key]
    const start = other ? form[other.key] : undefined
    return other && typeof value === 'string' && typeof start === 'string' && value < start ? [{ field: field.key, message: `「${field.label}」不能早于「${other.label}」` }] : []
  })
}

/**
 * Checks a zone form against its rule, the same way in the app as it is typed and in the API on
 * arrival; `today` is the China date (YYYY-MM-DD) dates may not pass. Whether a chosen project or
 * station exists only the API can tell.
 */
export function checkZoneForm(rule: ZoneRule, input: ZoneFormInput, today: string): { form: ZoneForm; issues: ZoneFormIssue[] } {
  const form: ZoneForm = {}
  const issues: ZoneFormIssue[] = []
  const known = new Set(rule.fields.map((f) => f.key))
  for (const key of Object.keys(input)) {
    if (!known.has(key)) issues.push({ field: key, message: `「${rule.name}」没有「${key}」这一项，请更新应用后再试` })
  }
  for (const field of rule.fields) {
    const { value, problem } = checkField(field, input[field.key], today)
    if (problem) issues.push({ field: field.key, message: problem })
    else if (value !== undefined) form[field.key] = value
  }
  return { form, issues: issues.length > 0 ? issues : crossChecks(rule, form) }
}
