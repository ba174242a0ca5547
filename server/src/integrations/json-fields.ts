/** The object inside a parsed JSON value, or null when the platform sent anything else. */
export function asJsonObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

/** A non-empty string field, or undefined. */
export function textField(object: Record<string, unknown> | null, key: string): string | undefined {
  const value = object?.[key]
  return typeof value === 'string' && value !== '' ? value : undefined
}
