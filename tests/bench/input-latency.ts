import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { CONTENT_MAX } from '@xinfang/shared/limits'
import { CHROMIUM } from '../e2e/h5-browser'
import { PROBE_SCRIPT, PLAIN_PAGE } from './input-probe'

/**
 * Input latency of the submit form's content field in headless Chromium: 2,000 characters typed
 * one by one into the built H5 app (`npm run build:h5` first), against the same typing into a
 * plain <textarea> page in the same browser. BENCH_H5_DIRS="label=dir,label=dir" measures other
 * builds too (e.g. one built at an earlier commit), side by side in the same run.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const CHARS = Number(process.env.BENCH_CHARS ?? CONTENT_MAX)
const VIEWPORT = { width: 390, height: 844 }
const SUBMIT_PAGE = '/#/pages/submit/index'

/** Chinese text without spaces or line breaks, so each key adds one to the form's trimmed count. */
const PHRASE = '小区暖气一直不热，室温只有十二度，老人孩子都冻感冒了，打热力公司电话一直占线。'
const TEXT = PHRASE.repeat(Math.ceil(CHARS / PHRASE.length)).slice(0, CHARS)

interface Target {
  label: string
  url: string
}

interface Result {
  label: string
  toDom: number[]
  toFrame: number[]
  renders: number
  renderedFields: Record<string, number>
}

/** Serves a build folder and the plain page; nothing outside the folder. */
function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json' }
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    if (pathname === '/__plain.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(PLAIN_PAGE)
    const file = path.join(dir, pathname === '/' ? 'index.html' : pathname)
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) })
    }),
  )
}

/** Types TEXT into the page's one textarea, waiting for each key's frame before the next key. */
async function measure(target: Target): Promise<Result> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-bench-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    viewport: VIEWPORT,
    locale: 'zh-CN',
  })
  try {
    await context.addInitScript(PROBE_SCRIPT)
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(target.url)
    const field = page.locator('.taro_page_show textarea, #plain').first()
    await field.click()
    await page.evaluate(`window.__inputProbe.reset()`)
    const toDom: number[] = []
    const toFrame: number[] = []
    for (let i = 0; i < TEXT.length; i++) {
      await page.keyboard.type(TEXT[i]!)
      const sample = (await page.evaluate(`window.__inputProbe.settled(${i + 1})`)) as { toDom: number; toFrame: number }
      toDom.push(sample.toDom)
      toFrame.push(sample.toFrame)
    }
    // a field that dropped or reset keys would measure something else than typing
    const kept = await field.inputValue()
    if (kept !== TEXT) throw new Error(`${target.label}: the field holds ${kept.length} of the ${TEXT.length} characters typed`)
    const counts = (await page.evaluate(`window.__inputProbe.renders()`)) as { total: number; byField: Record<string, number> }
    return { label: target.label, toDom, toFrame, renders: counts.total, renderedFields: counts.byField }
  } finally {
    await context.close()
    fs.rmSync(profile, { recursive: true, force: true })
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? NaN }
}
const ms = (n: number) => n.toFixed(1).padStart(7)
const ratio = (n: number, base: number) => `${(n / base).toFixed(1)}×`.padStart(7)

function report(results: Result[]) {
  const base = results[0]!
  const baseDom = stats(base.toDom)
  const baseFrame = stats(base.toFrame)
  console.log(`\n${CHARS} characters, one key at a time; ms from the input event (ratio to ${base.label})`)
  console.log(`${'target'.padEnd(22)} ${'dom p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)} | ${'frame p50'.padStart(9)} ${'p95'.padStart(7)} ${'max'.padStart(7)} | p95 ratio dom/frame | renders/key`)
  for (const r of results) {
    const dom = stats(r.toDom)
    const frame = stats(r.toFrame)
    console.log(
      `${r.label.padEnd(22)} ${ms(dom.p50)} ${ms(dom.p95)} ${ms(dom.max)} | ${ms(frame.p50).padStart(9)} ${ms(frame.p95)} ${ms(frame.max)} | ${ratio(dom.p95, baseDom.p95)} ${ratio(frame.p95, baseFrame.p95)}    | ${(r.renders / CHARS).toFixed(1)}`,
    )
  }
  for (const r of results.filter((x) => Object.keys(x.renderedFields).length > 0)) {
    const fields = Object.entries(r.renderedFields)
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `${name} ${(n / CHARS).toFixed(1)}`)
    console.log(`components rendered per key, by form card (${r.label}): ${fields.join(', ')}`)
  }
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`)
  const extra = (process.env.BENCH_H5_DIRS ?? '').split(',').filter(Boolean).map((pair) => pair.split('=') as [string, string])
  const builds: [string, string][] = [['app (miniapp/dist/h5)', path.join(ROOT, 'miniapp/dist/h5')], ...extra.map(([label, dir]) => [label, path.resolve(dir)] as [string, string])]
  for (const [, dir] of builds) {
    if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: npm run build:h5 first`)
  }
  const servers = await Promise.all(builds.map(([, dir]) => serve(dir)))
  try {
    const targets: Target[] = [{ label: 'plain <textarea>', url: `${servers[0]!.url}/__plain.html` }, ...builds.map(([label], i) => ({ label, url: `${servers[i]!.url}${SUBMIT_PAGE}` }))]
    const results: Result[] = []
    for (const target of targets) {
      console.log(`typing into ${target.label}…`)
      results.push(await measure(target))
    }
    report(results)
  } finally {
    await Promise.all(servers.map((s) => s.close()))
  }
}

await main()
