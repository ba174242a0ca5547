import type { PageInstance } from './page-stack'
import type { UserGesture } from './subscriptions'
import type { TemplateInfo } from './templates'
import { elementsOf, type MiniElement, type MiniNode } from './tree'

/** Text an element contains, or a description of it. */
export type Selector = string | RegExp | { text?: string | RegExp; className?: string; tag?: string; placeholder?: string | RegExp }

// the events both platforms bubble from the touched element up through its ancestors
const BUBBLING = new Set(['tap', 'longpress', 'longtap', 'touchstart', 'touchmove', 'touchend', 'touchcancel'])

const matchText = (pattern: string | RegExp, value: unknown) =>
  typeof value === 'string' && (typeof pattern === 'string' ? value.includes(pattern) : pattern.test(value))

function matches(element: MiniElement, selector: Selector): boolean {
  if (typeof selector === 'string' || selector instanceof RegExp) return matchText(selector, element.text)
  const { text, className, tag, placeholder } = selector
  return (
    (text === undefined || matchText(text, element.text)) &&
    (className === undefined || element.className.split(/\s+/).includes(className)) &&
    (tag === undefined || element.tag === tag) &&
    (placeholder === undefined || matchText(placeholder, element.props.placeholder))
  )
}

const isInside = (element: MiniElement, ancestor: MiniElement) => {
  for (let e = element.parent; e; e = e.parent) if (e === ancestor) return true
  return false
}

/**
 * One open page as a test sees it: the tree its setData calls built, queries over it, and
 * events fired through the page's compiled `eh` handler the way the platform would fire them.
 */
export class MiniPage {
  constructor(
    readonly instance: PageInstance,
    private readonly templates: Map<string, TemplateInfo>,
    private readonly gesture: UserGesture,
  ) {}

  get route() {
    return this.instance.route
  }

  get query() {
    return this.instance.options
  }

  /** The page's setData tree (`root`), as the view layer would receive it. */
  get root(): MiniNode | undefined {
    return this.instance.data.root as MiniNode | undefined
  }

  elements(): MiniElement[] {
    return elementsOf(this.root, this.templates)
  }

  text(): string {
    return this.elements().filter((e) => e.parent === null).map((e) => e.text).join('\n')
  }

  /** The innermost elements matching, in document order (the text's own element, not its page wrapper). */
  findAll(selector: Selector): MiniElement[] {
    const found = this.elements().filter((e) => matches(e, selector))
    return found.filter((e) => !found.some((other) => other !== e && isInside(other, e)))
  }

  find(selector: Selector): MiniElement | undefined {
    return this.findAll(selector)[0]
  }

  get(selector: Selector): MiniElement {
    const element = this.find(selector)
    if (!element) throw new Error(`no element matches ${String(JSON.stringify(selector) ?? selector)} on ${this.route}; it shows:\n${this.text()}`)
    return element
  }

  tap(selector: Selector | MiniElement) {
    return this.fire(this.resolve(selector), 'tap', { x: 10, y: 10 })
  }

  /** Typing: an `input` event carrying the whole new value, as the keyboard sends it. */
  input(selector: Selector | MiniElement, value: string) {
    return this.fire(this.resolve(selector), 'input', { value, cursor: value.length, keyCode: 0 })
  }

  /** A picker's or switch's change: `value` is the picked index (picker) or the new state (switch). */
  change(selector: Selector | MiniElement, value: unknown) {
    return this.fire(this.resolve(selector), 'change', { value })
  }

  /**
   * Calls the compiled `eh` once per element the platform would notify: the target, then (for
   * bubbling events) every ancestor whose template binds the event, each as currentTarget.
   * Taro's runtime batches the bubbling calls itself, as it does on a phone.
   */
  fire(target: MiniElement, type: string, detail: object): unknown {
    const notified: MiniElement[] = []
    for (let e: MiniElement | null = target; e; e = BUBBLING.has(type) ? e.parent : null) if (e.events.has(type)) notified.push(e)
    if (notified.length === 0) throw new Error(`<${target.tag} class="${target.className}"> on ${this.route} does not listen to ${type}: nothing would happen on a phone`)
    const handler = this.instance.eh as (event: object) => unknown
    let result: unknown
    // what the handlers do synchronously happens inside the user's tap (see UserGesture)
    this.gesture.inTap = type === 'tap'
    try {
      for (const current of notified) {
        const event = {
          type,
          timeStamp: Date.now(),
          detail,
          target: { id: target.id, dataset: { sid: target.sid }, targetDataset: { sid: target.sid } },
          currentTarget: { id: current.id, dataset: { sid: current.sid } },
          mark: {},
          touches: [],
          changedTouches: [],
        }
        const returned = handler.call(this.instance, event)
        if (current === target) result = returned
      }
    } finally {
      this.gesture.inTap = false
    }
    return result
  }

  private resolve(selector: Selector | MiniElement): MiniElement {
    return typeof selector === 'object' && !(selector instanceof RegExp) && 'sid' in selector ? selector : this.get(selector)
  }
}
