import type { TemplateInfo } from './templates'

/** A node of Taro's setData tree: compressed names, children under `cn`, text under `v`. */
export interface MiniNode {
  nn: string
  sid: string
  uid?: string
  v?: string
  cl?: string
  st?: string
  cn?: MiniNode[]
  [compressed: string]: unknown
}

/** An element of a rendered page, decompressed for assertions and for firing events at. */
export interface MiniElement {
  sid: string
  /** the native element's id attribute (uid or sid), what the platform puts on currentTarget */
  id: string
  tag: string
  className: string
  /** all text below this element, in order */
  text: string
  /** attributes by their real names (`placeholder`, `value`, `range`…) */
  props: Record<string, unknown>
  events: Set<string>
  parent: MiniElement | null
  node: MiniNode
}

const PATH_PART = /([^.[\]]+)|\[(\d+)\]/g

/**
 * Applies one setData payload the way both runtimes do: each key is a path (`root.cn.[0].v`,
 * also `a.b[1]`), missing objects are created, the value replaces what was there.
 */
export function applySetData(data: Record<string, unknown>, patch: Record<string, unknown>) {
  for (const [key, value] of Object.entries(patch)) {
    const parts = [...key.matchAll(PATH_PART)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? '')))
    let target: Record<string | number, unknown> = data
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        target[part] = structuredClone(value)
        return
      }
      const next = target[part]
      if (next === null || typeof next !== 'object') target[part] = typeof parts[i + 1] === 'number' ? [] : {}
      target = target[part] as Record<string | number, unknown>
    })
  }
}

const OWN_KEYS = new Set(['nn', 'sid', 'uid', 'v', 'cl', 'st', 'cn'])

/** Every element under the page's `root`, in document order, with its text and real attribute names. */
export function elementsOf(root: MiniNode | undefined, templates: Map<string, TemplateInfo>): MiniElement[] {
  const all: MiniElement[] = []
  const visit = (node: MiniNode, parent: MiniElement | null): string => {
    const template = templates.get(node.nn)
    if (template?.tag === '#text') return node.v ?? ''
    const props: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node)) {
      if (!OWN_KEYS.has(key)) props[template?.attrs.get(key) ?? key] = value
    }
    const element: MiniElement = {
      sid: node.sid,
      id: node.uid ?? node.sid,
      tag: template?.tag ?? `unknown-${node.nn}`,
      className: node.cl ?? '',
      text: '',
      props,
      events: template?.events ?? new Set(),
      parent,
      node,
    }
    all.push(element)
    element.text = (node.cn ?? []).map((child) => visit(child, element)).join('')
    return element.text
  }
  for (const child of root?.cn ?? []) visit(child, null)
  return all
}
