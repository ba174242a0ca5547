import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { recorded, type PlatformCall } from './calls'
import { MiniPage } from './mini-page'
import { createMy } from './my'
import { Network, type HttpExchange } from './network'
import { PageStack, parseUrl, type PageInstance } from './page-stack'
import type { PlatformDeps } from './platform-deps'
import { Subscriptions, UserGesture } from './subscriptions'
import { MiniRuntime } from './runtime'
import { Album, TempFiles } from './temp-files'
import { readTemplates } from './templates'
import { createWx } from './wx'

export type Platform = 'weapp' | 'alipay'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const distOf = (platform: Platform) => path.join(ROOT, 'miniapp/dist', platform)

/** The API base the mini-programs were built with: miniapp/config/index.ts's default unless overridden. */
const COMPILED_API_BASE = process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000'

export interface LaunchOptions {
  platform: Platform
  /** the test stack's API (stack.baseUrl); the compiled base is rerouted to it */
  apiUrl: string
  /** the platform account; the mocks turn `dev:<user>` into a stable resident */
  user?: string
  /** what scanning reads; null (default): the resident closes the scanner */
  scanResult?: string | null
  /** the page a scanned code opens, with its query (`/pages/x/index?scene=…`); default the app's first page */
  entry?: string
}

/** The running mini-program: its pages, every platform call and every HTTP exchange. */
export interface MiniApp {
  readonly platform: Platform
  readonly calls: PlatformCall[]
  readonly http: HttpExchange[]
  /** the platform's options: change the account or the next scan between steps */
  readonly device: PlatformDeps
  page(): MiniPage
  pages(): MiniPage[]
  callsTo(api: string): PlatformCall[]
  /** a tap on the native tab bar (not part of any page's tree) */
  tapTab(text: string): Promise<void>
  /** polls `check` until it returns something truthy; the error shows what the page shows instead */
  waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs?: number): Promise<T>
  /** waits until no request is in flight and nothing rendered for a moment */
  settle(): Promise<void>
  close(): void
}

/** Fails with the fix when the build is missing: the root test script builds before vitest. */
export function assertBuilt(platform: Platform) {
  if (!fs.existsSync(path.join(distOf(platform), 'app.js'))) {
    throw new Error(`miniapp/dist/${platform} is missing: run \`npm run build:miniapp\` (or \`npm run build:${platform}\`) before these tests`)
  }
}

/** Starts the compiled app cold: App onLaunch/onShow, then the entry page's onLoad/onShow/onReady. */
export async function launch(options: LaunchOptions): Promise<MiniApp> {
  const { platform } = options
  assertBuilt(platform)
  const dist = distOf(platform)
  const calls: PlatformCall[] = []
  const network = new Network(options.apiUrl, COMPILED_API_BASE)
  // the platform's navigation APIs drive the page stack, which is made below (after the runtime)
  const router: PlatformDeps['router'] = {
    navigateTo: (url) => stack.navigateTo(url),
    redirectTo: (url) => stack.redirectTo(url),
    switchTab: (url) => stack.switchTab(url),
    reLaunch: (url) => stack.reLaunch(url),
    navigateBack: (delta) => stack.navigateBack(delta),
  }
  const deps: PlatformDeps = { network, router, files: new TempFiles(platform), album: new Album(), subscriptions: new Subscriptions(), gesture: new UserGesture(), storage: new Map(), user: options.user ?? 'alice', scanResult: options.scanResult ?? null }
  const globals: Record<string, unknown> =
    platform === 'weapp'
      ? { wx: recorded(createWx(deps), calls) }
      : // the Alipay runtime reads navigator.userAgent at load (Node 20 has no navigator)
        { my: recorded(createMy(deps), calls), navigator: { userAgent: 'Mozilla/5.0 (iPhone) AlipayClient/10.6.0 Ariver/1.0 ChannelId(0) NebulaX/1.0' } }
  const runtime: MiniRuntime = new MiniRuntime(dist, globals, () => stack.pages)
  const stack: PageStack = new PageStack({
    routes: runtime.routes,
    tabRoutes: new Set(runtime.tabs.map((t) => t.pagePath)),
    create: (route, query) => runtime.createPage(route, query),
  })
  const templates = readTemplates(path.join(dist, platform === 'weapp' ? 'base.wxml' : 'base.axml'))
  const handles = new WeakMap<PageInstance, MiniPage>()
  const handle = (instance: PageInstance) => {
    let page = handles.get(instance)
    if (!page) handles.set(instance, (page = new MiniPage(instance, templates, deps.gesture)))
    return page
  }

  runtime.start()
  const entryUrl = options.entry ?? `/${runtime.entry}`
  const { route, query } = parseUrl(entryUrl)
  // 1047: opened by scanning a mini-program code; 1001: from the recent-apps list
  const launchOptions = { path: route, query, scene: options.entry ? 1047 : 1001, referrerInfo: {} }
  runtime.callApp('onLaunch', launchOptions)
  runtime.callApp('onShow', launchOptions)
  await stack.reLaunch(entryUrl)

  const app: MiniApp = {
    platform,
    calls,
    http: network.exchanges,
    device: deps,
    page: () => {
      if (!stack.top) throw new Error('no page is open')
      return handle(stack.top)
    },
    pages: () => stack.pages.map(handle),
    callsTo: (api) => calls.filter((c) => c.api === api),
    async tapTab(text) {
      const index = runtime.tabs.findIndex((t) => t.text === text)
      const tab = runtime.tabs[index]
      if (!tab) throw new Error(`no tab "${text}" in app.json (${runtime.tabs.map((t) => t.text).join(', ')})`)
      await stack.switchTab(`/${tab.pagePath}`)
      const page = stack.top
      ;(page?.onTabItemTap as ((item: object) => void) | undefined)?.call(page, { index, pagePath: tab.pagePath, text })
      await app.settle()
    },
    async waitFor(what, check, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const value = check()
        if (value) return value
        if (Date.now() > deadline) {
          const last = network.exchanges.slice(-5).map((x) => `${x.method} ${x.path} -> ${x.status ?? x.error}`)
          throw new Error(`timed out waiting for ${what} on ${stack.top?.route}; it shows:\n${app.page().text()}\nlast requests:\n${last.join('\n')}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    },
    async settle() {
      // an action's effects arrive a few macrotasks later, and an answer often leads to the
      // next request: settled means 100 ms with no request in flight, none ending, no render
      const since = Date.now()
      const quiet = () => network.inFlight === 0 && Date.now() - Math.max(since, runtime.lastRenderAt, network.lastActivityAt) > 100
      await app.waitFor('the app to settle', () => quiet() && stack.pages.every((p) => runtime.hasRendered(p)))
    },
    close: () => {
      for (const page of [...stack.pages].reverse()) (page.onUnload as (() => void) | undefined)?.call(page)
      runtime.stop()
    },
  }
  await app.settle()
  return app
}
