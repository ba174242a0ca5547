import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { PageInstance } from './page-stack'
import { applySetData } from './tree'

const require = createRequire(import.meta.url)

type Config = Record<string, unknown>

/** A tab of the tab bar, the same on both platforms. */
export interface Tab {
  pagePath: string
  text: string
}

/** The compiled app's own app.json: its pages and tab bar (WeChat: list/text, Alipay: items/name). */
interface AppJson {
  pages: string[]
  /** both platforms spell it subPackages in the compiled app.json; the pages are relative to the root */
  subPackages?: { root: string; pages: string[] }[]
  entryPagePath?: string
  tabBar?: { list?: { pagePath: string; text: string }[]; items?: { pagePath: string; name: string }[] }
}

/**
 * What a mini-program's JS engine provides around the compiled code: the globals `App`, `Page`,
 * `Component`, `getApp`, `getCurrentPages` and the platform object (`wx` / `my`), and loading
 * a page's JS when it is first opened. The compiled files are CommonJS that reach each other
 * with require('./common') and share webpack's chunk registry on `wx.webpackJsonp`, so they
 * run in Node's own loader; the cache is cleared first so each launch is a cold start.
 */
export class MiniRuntime {
  app: Config | null = null
  readonly routes: string[]
  readonly entry: string
  readonly tabs: Tab[]
  /** when the last setData came: how `settle` knows rendering stopped */
  lastRenderAt = 0
  private readonly rendered = new WeakSet<PageInstance>()
  private readonly pageConfigs = new Map<string, Config>()
  private loading: string | null = null
  private readonly saved = new Map<string, PropertyDescriptor | undefined>()

  constructor(
    readonly dist: string,
    private readonly globals: Record<string, unknown>,
    private readonly pages: () => PageInstance[],
  ) {
    const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as AppJson
    this.routes = [...appJson.pages, ...(appJson.subPackages ?? []).flatMap((sp) => sp.pages.map((page) => `${sp.root.replace(/\/$/, '')}/${page}`))]
    this.entry = appJson.entryPagePath ?? appJson.pages[0] ?? ''
    this.tabs = appJson.tabBar?.list ?? appJson.tabBar?.items?.map((t) => ({ pagePath: t.pagePath, text: t.name })) ?? []
  }

  /** Installs the globals and runs app.js, which registers the app with App(). */
  start() {
    const engine: Record<string, unknown> = {
      ...this.globals,
      App: (config: Config) => (this.app = config),
      getApp: () => this.app,
      Page: (config: Config) => {
        if (!this.loading) throw new Error('Page() called outside a page file')
        this.pageConfigs.set(this.loading, config)
      },
      // comp.js only re-applies the base templates below their 15th level; its data still comes
      // through the page's setData, so nothing needs to host it (it is not even loaded)
      Component: () => undefined,
      getCurrentPages: () => [...this.pages()],
    }
    for (const [name, value] of Object.entries(engine)) {
      this.saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name))
      Object.defineProperty(globalThis, name, { value, configurable: true, writable: true })
    }
    for (const key of Object.keys(require.cache)) if (key.startsWith(this.dist + path.sep)) delete require.cache[key]
    require(path.join(this.dist, 'app.js'))
    if (!this.app) throw new Error(`${this.dist}/app.js did not call App()`)
  }

  /** Puts back whatever the globals were before (miniprogram-simulate's Component, Node's navigator). */
  stop() {
    for (const [name, descriptor] of this.saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor)
      else Reflect.deleteProperty(globalThis, name)
    }
    this.saved.clear()
  }

  callApp(hook: string, ...args: unknown[]) {
    const fn = this.app?.[hook]
    if (typeof fn === 'function') (fn as (...a: unknown[]) => unknown).apply(this.app, args)
  }

  /** A fresh page instance: the registered config's methods, its own copy of data, setData. */
  createPage(route: string, query: Record<string, string>): PageInstance {
    const config = this.pageConfig(route)
    const page: PageInstance = {
      ...config,
      route,
      __route__: route,
      options: query,
      data: structuredClone((config.data ?? {}) as Record<string, unknown>),
      setData: (patch: Record<string, unknown>, callback?: () => void) => {
        applySetData(page.data, patch)
        this.rendered.add(page)
        this.lastRenderAt = Date.now()
        // both runtimes call back once the view has the data, never synchronously
        if (callback) setTimeout(callback, 0)
      },
    }
    return page
  }

  /** Whether the page has had its first setData (Taro renders a page asynchronously after onLoad). */
  hasRendered(page: PageInstance) {
    return this.rendered.has(page)
  }

  private pageConfig(route: string): Config {
    const known = this.pageConfigs.get(route)
    if (known) return known
    this.loading = route
    try {
      require(path.join(this.dist, `${route}.js`))
    } finally {
      this.loading = null
    }
    const config = this.pageConfigs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    return config
  }
}
