import fs from 'node:fs'

/** What Taro's base template says about one compressed node name (`nn`). */
export interface TemplateInfo {
  /** the native tag (`view`, `input`, `picker`…), `#text` for text nodes */
  tag: string
  /** events the template routes to the page's `eh`, lower-cased (`tap`, `input`, `change`) */
  events: Set<string>
  /** compressed attribute key (`p13`) -> attribute name (`placeholder`) */
  attrs: Map<string, string>
}

const WEAPP_EVENT = /\b(?:bind|catch)([a-z]+)="eh"/g
// Alipay spells handlers onTap / catchTouchMove
const ALIPAY_EVENT = /\b(?:on|catch)([A-Z][A-Za-z]*)="eh"/g
const ATTR = /([\w-]+)="\{\{(?:xs\.b\()?i\.(p\d+)/g

/**
 * Reads Taro's generated base template (base.wxml / base.axml). Taro compresses node names and
 * attributes in the setData tree (`nn: "0"`, `p13: "…"`); the `tmpl_0_<nn>` templates are
 * the key back to tags, attributes and — what event firing needs — which events each element
 * actually binds to `eh`, exactly as the real runtime would dispatch them.
 */
export function readTemplates(baseTemplate: string): Map<string, TemplateInfo> {
  const source = fs.readFileSync(baseTemplate, 'utf8')
  const eventPattern = baseTemplate.endsWith('.axml') ? ALIPAY_EVENT : WEAPP_EVENT
  const templates = new Map<string, TemplateInfo>()
  for (const match of source.matchAll(/<template name="tmpl_0_(\w+?)(_blur|_focus)?">\s*<([\w-]+)([^>]*)>/g)) {
    const [, nn = '', variant, tag = '', attributes = ''] = match
    // inputs and textareas have a focus and a blur variant with the same bindings; the plain
    // name only dispatches between them
    if (variant === '_focus' || tag === 'template') continue
    templates.set(nn, {
      tag: tag === 'block' ? '#text' : tag,
      events: new Set([...attributes.matchAll(eventPattern)].map((m) => (m[1] ?? '').toLowerCase())),
      attrs: new Map([...attributes.matchAll(ATTR)].map((m) => [m[2] ?? '', m[1] ?? ''])),
    })
  }
  return templates
}
