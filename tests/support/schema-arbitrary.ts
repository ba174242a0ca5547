import fc from 'fast-check'

/** The subset of JSON Schema our TypeBox contracts produce (as OpenAPI publishes them). */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  nullable?: boolean
}

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uFFFD\uD800',
  '../../../../etc/passwd',
  "' OR 1=1; --",
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${process.env}',
  '𠜎𠜱𠝹𠱓'.repeat(50),
  '\u202Egnp.exe',
  'x'.repeat(10_000),
]

/** Strings the field accepts: random text, or a nasty string that still fits its constraints. */
function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const pattern = schema.pattern ? new RegExp(schema.pattern) : null
  const fits = (s: string) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity) && (!pattern || pattern.test(s))
  const conforming = pattern
    ? fc.stringMatching(new RegExp(schema.pattern!.startsWith('^') ? schema.pattern! : `^${schema.pattern!}`))
    : fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 64, 64) })
  const nasty = NASTY_STRINGS.filter(fits)
  // random binary text only where no pattern constrains it: filtering for a pattern would never end
  const binary = pattern ? [] : [fc.string({ unit: 'binary', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) })]
  const arbitraries = [conforming.filter(fits), ...(nasty.length > 0 ? [fc.constantFrom(...nasty)] : []), ...binary]
  return fc.oneof(...arbitraries)
}

/**
 * Values that a field's schema cannot describe but the domain knows (a street that exists),
 * by field name, so that generated requests get past the semantic checks too.
 */
export type Hints = Record<string, fc.Arbitrary<unknown>>

const WRONG = fc.oneof(fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.constant([]), fc.constant({}), fc.constantFrom(...NASTY_STRINGS))

/**
 * Values generated from a schema: mostly well-typed (with nasty but valid strings), some with
 * exactly one field of the wrong type, some anything at all. One wrong field at a time keeps
 * most inputs past validation, so the code behind the validators is exercised too.
 */
export function fromSchema(schema: JsonSchema, hints: Hints = {}): fc.Arbitrary<unknown> {
  const fields = Object.keys(schema.properties ?? {})
  const valid = validFromSchema(schema, 0, hints)
  const oneWrong =
    fields.length === 0
      ? WRONG
      : fc.tuple(valid, fc.constantFrom(...fields), WRONG).map(([value, field, wrong]) => ({ ...(value as object), [field]: wrong }))
  const unknownField = fc.tuple(valid, fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([value, key, extra]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? { [key]: extra, ...value } : value,
  )
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 2, arbitrary: oneWrong }, { weight: 1, arbitrary: unknownField }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) })
}

function validFromSchema(schema: JsonSchema, depth: number, hints: Hints = {}): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const union = schema.anyOf ?? schema.oneOf
  if (union) return fc.oneof(...union.map((s) => validFromSchema(s, depth + 1, hints)))
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'string':
      return stringArbitrary(schema)
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9 })
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(validFromSchema(schema.items ?? {}, depth + 1, hints), { maxLength: Math.min(schema.maxItems ?? 5, 12) })
    case 'object': {
      if (depth > 3) return fc.constant({})
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, s]) => {
          const derived = validFromSchema(s, depth + 1, hints)
          const hint = hints[k]
          return [k, hint ? fc.oneof({ weight: 4, arbitrary: hint }, { weight: 1, arbitrary: derived }) : derived]
        }),
      )
      return fc.record(properties, { requiredKeys: schema.required?.filter((k) => k in properties) ?? [] })
    }
    default:
      return fc.jsonValue({ maxDepth: 3 })
  }
}
