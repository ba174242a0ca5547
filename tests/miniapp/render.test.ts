// @vitest-environment jsdom
import { createRequire } from 'node:module'
import path from 'node:path'
import * as simulate from 'miniprogram-simulate'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startStack, type Stack } from '../support/stack'
import { assertBuilt, distOf, launch } from './harness/launch'
import type { MiniNode } from './harness/tree'
import { createdCase, submitHeatingComplaint } from './resident-steps'

// The view layer: WeChat's own WXML compiler (the Linux `wcc` in the miniprogram-compiler package)
// compiles Taro's base.wxml + utils.wxs, and miniprogram-simulate renders a page's template from
// a setData tree the Node harness captured from the running app. No layout, no styles applied.
assertBuilt('weapp')
const dist = distOf('weapp')
const require = createRequire(import.meta.url)

let stack: Stack
const trees: Record<'home' | 'result', MiniNode | undefined> = { home: undefined, result: undefined }
let created: ReturnType<typeof createdCase>

beforeAll(async () => {
  stack = await startStack()
  const app = await launch({ platform: 'weapp', apiUrl: stack.baseUrl, user: 'wx-render' })
  try {
    trees.home = structuredClone(app.page().root)
    // no photo: jsdom's FormData replaces Node's here, which Node's fetch cannot send
    trees.result = structuredClone((await submitHeatingComplaint(app, { photo: false })).root)
    created = createdCase(app)
  } finally {
    app.close()
  }
})
afterAll(async () => {
  vi.unstubAllGlobals()
  await stack.close()
})

// tests/tsconfig.json has no DOM lib (the other tests run in Node): the little of jsdom used here
interface DomElement {
  tagName: string
  textContent: string | null
  querySelector(selector: string): DomElement | null
}
const { document } = globalThis as unknown as { document: { createElement(tag: string): DomElement } }

/** Renders one compiled page with official wcc, its Page() swapped for a component holding `root`. */
function render(route: string, root: MiniNode | undefined): DomElement {
  for (const key of Object.keys(require.cache)) if (key.startsWith(dist + path.sep)) delete require.cache[key]
  // webpack's chunk registry lives on `wx` (simulate's): a reloaded runtime would replay old chunks
  Reflect.deleteProperty((globalThis as unknown as { wx: object }).wx, 'webpackJsonp')
  // the page file only runs once Taro's webpack runtime (loaded by app.js) is there
  vi.stubGlobal('App', () => undefined)
  vi.stubGlobal('getApp', () => ({}))
  vi.stubGlobal('getCurrentPages', () => [])
  require(path.join(dist, 'app.js'))
  // simulate renders custom components, not pages: the page becomes a component with the data
  vi.stubGlobal('Page', () => (globalThis as unknown as { Component: (o: object) => void }).Component({ data: { root } }))
  const id = simulate.load(path.join(dist, route), 'page', { rootPath: dist, compiler: 'official' })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper') as unknown as Parameters<typeof page.attach>[0])
  return page.dom as unknown as DomElement
}

describe('WeChat view layer: official wcc renders captured setData trees', () => {
  it('renders the home page with its Chinese labels as wx-view / wx-text elements', () => {
    const dom = render('pages/index/index', trees.home)
    expect(dom.textContent).toContain('我要反映')
    expect(dom.textContent).toContain('扫一扫')
    // simulate prefixes class names with the component's tag
    const primary = dom.querySelector('[class~="page--home-actions__primary"]')
    expect(primary?.tagName.toLowerCase()).toBe('wx-view')
    expect(primary?.textContent).toContain('我要反映')
  })

  it('renders the result page with the tracking number and the units the API assigned', () => {
    const dom = render('pages/submit-result/index', trees.result)
    const number = dom.querySelector('[class~="page--result-head__no"]')
    expect(number?.tagName.toLowerCase()).toBe('wx-text')
    expect(number?.textContent).toBe(created.trackingNo)
    expect(created.trackingNo).toMatch(/^\d{4}-\d{4}-\d{4}$/)
    for (const unit of created.assignments.map((a) => a.unitName)) expect(dom.textContent).toContain(unit)
    expect(dom.textContent).toContain('提交成功')
  })
})
