import type { Router } from './platform-deps'

/** A page as the platform hands it to the page's own code (`this` in onLoad, setData…). */
export interface PageInstance extends Record<string, unknown> {
  route: string
  __route__: string
  options: Record<string, string>
  data: Record<string, unknown>
  setData(patch: Record<string, unknown>, callback?: () => void): void
}

export interface PageStackOptions {
  routes: string[]
  tabRoutes: Set<string>
  create(route: string, query: Record<string, string>): PageInstance
}

/** WeChat's limit: ten pages on the stack. */
const MAX_PAGES = 10

/** `/pages/x/index?a=1` -> route and query. Values stay as written: WeChat does not decode them. */
export function parseUrl(url: string) {
  const [path = '', search = ''] = url.split('?')
  const query: Record<string, string> = {}
  for (const pair of search.split('&').filter(Boolean)) {
    const at = pair.indexOf('=')
    query[at < 0 ? pair : pair.slice(0, at)] = at < 0 ? '' : pair.slice(at + 1)
  }
  return { route: path.replace(/^\//, ''), query }
}

/**
 * The page stack with the platforms' rules: navigateTo pushes (not onto a tab page, not past ten
 * pages), redirectTo swaps the top, switchTab closes every non-tab page and keeps tab pages
 * alive, navigateBack pops. Lifecycles run in the platforms' order: onHide/onUnload of the page
 * left, onLoad(query) -> onShow of the page opened, onReady after its first render.
 */
export class PageStack implements Router {
  readonly pages: PageInstance[] = []
  private readonly liveTabs = new Map<string, PageInstance>()

  constructor(private readonly options: PageStackOptions) {}

  get top(): PageInstance | undefined {
    return this.pages[this.pages.length - 1]
  }

  async navigateTo(url: string) {
    const { route, query } = this.known(url)
    if (this.options.tabRoutes.has(route)) throw new Error('can not navigateTo a tabbar page')
    if (this.pages.length >= MAX_PAGES) throw new Error('webview count limit exceed')
    if (this.top) run(this.top, 'onHide')
    this.pages.push(this.open(route, query))
  }

  async redirectTo(url: string) {
    const { route, query } = this.known(url)
    if (this.options.tabRoutes.has(route)) throw new Error('can not redirectTo a tabbar page')
    const left = this.pages.pop()
    if (left) this.close(left)
    this.pages.push(this.open(route, query))
  }

  async switchTab(url: string) {
    const { route } = this.known(url)
    if (!this.options.tabRoutes.has(route)) throw new Error('can not switch to no-tabBar page')
    const wasTop = this.top
    for (const page of this.pages.splice(0)) {
      if (!this.liveTabs.has(page.route)) run(page, 'onUnload')
      else if (page === wasTop && page.route !== route) run(page, 'onHide')
    }
    const kept = this.liveTabs.get(route)
    if (kept && kept !== wasTop) run(kept, 'onShow')
    this.pages.push(kept ?? this.open(route, {}))
  }

  async reLaunch(url: string) {
    const { route, query } = this.known(url)
    for (const page of this.pages.splice(0).reverse()) this.close(page)
    for (const page of this.liveTabs.values()) run(page, 'onUnload')
    this.liveTabs.clear()
    this.pages.push(this.open(route, query))
  }

  async navigateBack(delta: number) {
    const count = Math.min(Math.max(delta, 1), this.pages.length - 1)
    if (count === 0) return // WeChat ignores navigateBack on the last page
    for (const page of this.pages.splice(this.pages.length - count)) this.close(page)
    if (this.top) run(this.top, 'onShow')
  }

  private known(url: string) {
    const parsed = parseUrl(url)
    if (!this.options.routes.includes(parsed.route)) throw new Error(`page "${parsed.route}" is not found`)
    return parsed
  }

  private open(route: string, query: Record<string, string>): PageInstance {
    const page = this.options.create(route, query)
    if (this.options.tabRoutes.has(route)) this.liveTabs.set(route, page)
    run(page, 'onLoad', query)
    run(page, 'onShow')
    setTimeout(() => run(page, 'onReady'), 0)
    return page
  }

  private close(page: PageInstance) {
    if (this.liveTabs.has(page.route)) run(page, 'onHide')
    else run(page, 'onUnload')
  }
}

function run(page: PageInstance, hook: string, ...args: unknown[]) {
  const fn = page[hook]
  if (typeof fn === 'function') (fn as (...a: unknown[]) => unknown).apply(page, args)
}
