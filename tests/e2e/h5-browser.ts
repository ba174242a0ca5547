import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'

// No GPU, sandbox or network chatter of Chromium's own: the same on a laptop and in CI's container.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Taro's page-slide animation; screenshots taken sooner catch two pages half-way. */
const PAGE_SLIDE_MS = 300
/** The picker wheel's line height and the indicator's offset from its top (Taro's picker-group). */
const WHEEL_LINE = 34
const WHEEL_TOP = 102

export interface H5Session {
  page: Page
  /** The page on screen. Taro keeps earlier pages in the DOM, hidden behind `taro_page_shade`. */
  current(): Locator
  open(hashPath?: string): Promise<void>
  /** All the text on the page on screen. */
  text(): Promise<string>
  /** Waits until the page on screen shows these words. */
  see(words: string | RegExp): Promise<void>
  /** A NutUI button: the click must land on taro-button-core, whose inner view takes the pointer. */
  tapButton(text: string): Promise<void>
  tapTab(text: '首页' | '我的诉求' | '我的'): Promise<void>
  /** 我的 → 登录 → the dev login (outside the city app) with this name, until 我的 shows it signed in. */
  signIn(name: string): Promise<void>
  /** Picks an option of the open Taro picker by the start of its text, then 确定. */
  pick(optionStart: string): Promise<void>
  settle(): Promise<void>
  /** Screenshot into the output folder; fullPage shows the whole page from its top. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>
  /** How wide the document and the page on screen lay out, to compare with the viewport. */
  widths(): Promise<{ document: number; page: number }>
  /** Page errors, CSP violations and failed requests seen so far: a healthy run has none. */
  problems(): string[]
  close(): Promise<void>
}

/** Headless Chromium on a fresh profile (no session, no draft), pointed at the served H5 app. */
export async function openH5(baseUrl: string, outputDir: string, viewport = { width: 390, height: 844 }): Promise<H5Session> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-chromium-'))
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    locale: 'zh-CN',
  })
  // a missing element fails the step in seconds, with Playwright's own account of what it waited for
  context.setDefaultTimeout(15_000)
  const page = context.pages()[0] ?? (await context.newPage())
  const seen: string[] = []
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) seen.push(`CSP: ${message.text()}`)
  })
  page.on('response', (response) => {
    // the favicon and manifest included: the build ships them, so a miss is a broken build
    if (response.status() >= 400) seen.push(`HTTP ${response.status()} ${response.url()}`)
  })

  const current = () => page.locator('.taro_router > .taro_page.taro_page_show:not(.taro_page_shade)').last()
  const settle = () => page.waitForTimeout(PAGE_SLIDE_MS)
  const see = (words: string | RegExp) => current().getByText(words).first().waitFor()
  const tapButton = (text: string) => current().locator('taro-button-core', { hasText: text }).click()
  const tapTab = async (text: string) => {
    await page.getByRole('link', { name: text, exact: true }).click()
    await settle()
  }

  return {
    page,
    current,
    settle,
    async open(hashPath = '/') {
      await page.goto(`${baseUrl}/#${hashPath === '/' ? '/pages/index/index' : hashPath}`)
      await current().waitFor()
      await settle()
    },
    text: () => current().innerText(),
    see,
    tapButton,
    tapTab,
    async signIn(name) {
      await tapTab('我的')
      await see('未登录')
      await tapButton('登录')
      await see('请登录')
      await current().locator('input').first().fill(name)
      await tapButton('登录')
      await see('当前登录')
    },
    async pick(optionStart) {
      const wheel = page.locator('.weui-picker:visible')
      await wheel.waitFor()
      await settle()
      const options = await wheel.locator('.weui-picker__item').allInnerTexts()
      const target = options.findIndex((text) => text.startsWith(optionStart))
      if (target < 0) throw new Error(`the picker offers no "${optionStart}": ${options.join(' | ')}`)
      // a tap on the wheel moves it by as many lines as the tap is away from the indicator (at most 3 in view)
      for (let attempt = 0; attempt < 20; attempt++) {
        const style = (await wheel.locator('.weui-picker__content').getAttribute('style')) ?? ''
        const offset = Number(/translate3d\(0px,\s*(-?[\d.]+)px/.exec(style)?.[1] ?? WHEEL_TOP)
        const selected = Math.round((WHEEL_TOP - offset) / WHEEL_LINE)
        if (selected === target) break
        const box = await wheel.locator('.weui-picker__indicator').boundingBox()
        if (!box) throw new Error('the picker has no indicator on screen')
        const lines = Math.max(-3, Math.min(3, target - selected))
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 + lines * WHEEL_LINE)
        await settle()
      }
      await wheel.getByText('确定', { exact: true }).click()
      await wheel.waitFor({ state: 'hidden' })
    },
    async screenshot(name, options = {}) {
      await settle()
      const file = path.join(outputDir, `${name}.png`)
      const size = page.viewportSize()
      if (!options.fullPage || !size) {
        await page.screenshot({ path: file })
        return file
      }
      // a Taro page scrolls inside its own container, so Playwright's fullPage sees only the
      // window: grow the window to the page's length instead, then put it back
      const { scrollHeight, clientHeight } = await current().evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }))
      await page.setViewportSize({ width: size.width, height: size.height + Math.max(0, scrollHeight - clientHeight) })
      await current().evaluate((el) => el.scrollTo(0, 0))
      await settle()
      await page.screenshot({ path: file })
      await page.setViewportSize(size)
      return file
    },
    // Taro's page is the scroll container: a too-wide child overflows there, not the document
    widths: async () => ({
      document: await page.locator('html').evaluate((html) => html.scrollWidth),
      page: await current().evaluate((el) => el.scrollWidth),
    }),
    problems: () => [...seen],
    async close() {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}
