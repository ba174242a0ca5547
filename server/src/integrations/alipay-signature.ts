import { sign, verify, type KeyObject } from 'node:crypto'

type Key = string | KeyObject

/**
 * The text Alipay signs a request over: every non-empty parameter except
 * `sign`, sorted by name, as raw (not URL-encoded) `k=v` pairs joined with `&`.
 */
export function canonicalize(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => entry[0] !== 'sign' && entry[1] !== undefined && entry[1] !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&')
}

/** RSA2, i.e. SHA256withRSA, base64-encoded. */
export function signRsa2(params: Record<string, string | undefined>, privateKey: Key): string {
  return sign('sha256', Buffer.from(canonicalize(params), 'utf8'), privateKey).toString('base64')
}

export function verifyRsa2(params: Record<string, string | undefined>, signature: string, publicKey: Key): boolean {
  return verifyRsa2Text(canonicalize(params), signature, publicKey)
}

/** For responses, where Alipay signs a stretch of the body's text rather than parameters. */
export function verifyRsa2Text(text: string, signature: string, publicKey: Key): boolean {
  return verify('sha256', Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64'))
}

export interface SignedResponse {
  /** `<method>_response`, or `error_response` when the gateway refused the call. */
  key: string
  /** The value's exact text as sent: what the signature covers. */
  text: string
}

/**
 * Pulls the exact text of `<method, dots as underscores>_response` (or, failing
 * that, `error_response`) out of a gateway body. Alipay signs those bytes as
 * sent; re-serializing the parsed JSON could reorder keys or change escapes
 * and break a valid signature, so this walks the raw text instead.
 */
export function extractSignedResponse(rawText: string, method: string): SignedResponse | null {
  const members = topLevelMembers(rawText)
  if (members === null) return null
  for (const key of [`${method.replaceAll('.', '_')}_response`, 'error_response']) {
    const text = members.get(key)
    if (text !== undefined) return { key, text }
  }
  return null
}

/** Each top-level member's value text, by key; null unless the text is one JSON object. */
function topLevelMembers(text: string): Map<string, string> | null {
  const members = new Map<string, string>()
  let at = skipWhitespace(text, 0)
  if (text[at] !== '{') return null
  at = skipWhitespace(text, at + 1)
  if (text[at] === '}') return members

  for (;;) {
    if (text[at] !== '"') return null
    const keyEnd = endOfString(text, at)
    const key = keyEnd === -1 ? null : decodeKey(text.slice(at, keyEnd))
    if (key === null) return null
    at = skipWhitespace(text, keyEnd)
    if (text[at] !== ':') return null
    const valueStart = skipWhitespace(text, at + 1)
    const valueEnd = endOfValue(text, valueStart)
    if (valueEnd === -1) return null
    // a repeated key leaves open which value was signed and which one JSON.parse keeps
    if (members.has(key)) return null
    members.set(key, text.slice(valueStart, valueEnd))
    at = skipWhitespace(text, valueEnd)
    if (text[at] === '}') return skipWhitespace(text, at + 1) === text.length ? members : null
    if (text[at] !== ',') return null
    at = skipWhitespace(text, at + 1)
  }
}

/** Index just past the value starting at `start`, or -1 if it is not well formed. */
function endOfValue(text: string, start: number): number {
  const first = text[start]
  if (first === '"') return endOfString(text, start)
  if (first !== '{' && first !== '[') {
    let at = start
    while (at < text.length && !',}] \t\r\n'.includes(text.charAt(at))) at += 1
    return at > start ? at : -1
  }
  let depth = 0
  for (let at = start; at < text.length; ) {
    const character = text[at]
    if (character === '"') {
      at = endOfString(text, at)
      if (at === -1) return -1
      continue
    }
    if (character === '{' || character === '[') depth += 1
    else if (character === '}' || character === ']') depth -= 1
    at += 1
    if (depth === 0) return at
  }
  return -1
}

/** Index just past the closing quote of the string opening at `start`, or -1. */
function endOfString(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at += 1) {
    if (text[at] === '\\') at += 1
    else if (text[at] === '"') return at + 1
  }
  return -1
}

function skipWhitespace(text: string, start: number): number {
  let at = start
  while (at < text.length && ' \t\r\n'.includes(text.charAt(at))) at += 1
  return at
}

function decodeKey(quoted: string): string | null {
  try {
    return JSON.parse(quoted) as string
  } catch {
    return null
  }
}
