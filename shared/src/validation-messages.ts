import { FIELD_LABELS } from './errors'

/**
 * Turns a JSON-schema validation error (Ajv on the server, TypeBox on the client: both use the
 * same keywords) into a sentence a resident can act on, naming the field in Chinese.
 */
export interface SchemaIssue {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
}

export function fieldOf(issue: SchemaIssue): string {
  const segments = issue.instancePath.split('/').filter(Boolean)
  if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') segments.push(issue.params.missingProperty)
  if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') segments.push(issue.params.additionalProperty)
  return segments.filter((s) => !/^\d+$/.test(s)).at(-1) ?? ''
}

const labelOf = (field: string) => FIELD_LABELS[field] ?? field ?? '内容'

export function describeIssue(issue: SchemaIssue): string {
  const field = fieldOf(issue)
  const label = labelOf(field)
  const limit = issue.params.limit
  switch (issue.keyword) {
    case 'required':
      return `请填写「${label}」`
    case 'additionalProperties':
      return `不认识的字段「${field}」，请更新应用后再试`
    case 'minLength':
      return limit === 1 ? `请填写「${label}」` : `「${label}」至少要写${String(limit)}个字`
    case 'maxLength':
      return `「${label}」最多${String(limit)}个字`
    case 'pattern':
      return issue.params.pattern === '\\S' ? `「${label}」不能只有空格` : `「${label}」的格式不对`
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `「${label}」超出了允许的范围`
    case 'maxItems':
      return `「${label}」最多${String(limit)}个`
    case 'minItems':
      return `「${label}」至少要${String(limit)}个`
    case 'uniqueItems':
      return `「${label}」有重复`
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return `「${label}」不在可选范围内`
    case 'type':
      return `「${label}」的格式不对`
    default:
      return `「${label}」填写有误`
  }
}
