/**
 * Reads one text field from a parsed query string or body. Platforms see
 * repeated or structured values as malformed, so anything but a single string
 * counts as absent.
 */
export function stringField(source: unknown, key: string): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined
  const value = (source as Record<string, unknown>)[key]
  return typeof value === 'string' ? value : undefined
}

/** All single-string fields of a parsed query string or body. */
export function stringFields(source: unknown): Record<string, string> {
  if (typeof source !== 'object' || source === null) return {}
  const fields: Record<string, string> = {}
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'string') fields[key] = value
  }
  return fields
}
