import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '@xinfang/server/config'
import { stackEnv, startStack, type Stack } from '../support/stack'

// A stand-in for miniapp/dist/h5: Taro's shape (an inline sizing script, hashed js/ and css/),
// the icons and manifest the build copies from miniapp/src/h5-public, plus files named like API
// paths, which must never answer in the API's place.
const MINIAPP = path.resolve(import.meta.dirname, '../../miniapp')
const H5_PUBLIC = path.join(MINIAPP, 'src/h5-public')
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const SDK_ORIGINS = ['https://sdk.cityapp.example', 'https://api.cityapp.example:8443']
const SIZING_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'
const INDEX_HTML = `<!doctype html><html><head><title>智慧信访</title><script>${SIZING_SCRIPT}</script><script defer src="./js/app.1234abcd.js"></script></head><body><div id="app"></div></body></html>`
const APP_JS = 'console.log("h5")'

function fakeH5Build(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-h5-'))
  fs.mkdirSync(path.join(dir, 'js'))
  fs.mkdirSync(path.join(dir, 'css'))
  fs.mkdirSync(path.join(dir, 'api', 'v1'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX_HTML)
  fs.writeFileSync(path.join(dir, 'js', 'app.1234abcd.js'), APP_JS)
  fs.writeFileSync(path.join(dir, 'css', 'app.1234abcd.css'), 'body{margin:0}')
  fs.writeFileSync(path.join(dir, 'api', 'v1', 'catalog'), 'not the API')
  fs.writeFileSync(path.join(dir, 'api', 'v1', 'stray.txt'), 'not the API either')
  fs.writeFileSync(path.join(dir, 'healthz'), 'not the health check')
  fs.cpSync(H5_PUBLIC, dir, { recursive: true })
  return dir
}

/** The PNG's width and height, from its IHDR chunk (the first after the signature). */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) })

const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? ''

let stack: Stack
let h5Dir: string
beforeAll(async () => {
  h5Dir = fakeH5Build()
  stack = await startStack({ env: { H5_DIR: h5Dir } })
})
afterAll(async () => {
  await stack.close()
  fs.rmSync(h5Dir, { recursive: true, force: true })
})

describe('the API serves the H5 app at / (H5_DIR)', () => {
  it('serves the favicon, a valid web app manifest whose icons exist at their sizes, and the apple-touch icon, all cacheable', async () => {
    const favicon = await fetch(`${stack.baseUrl}/favicon.ico`)
    expect(favicon.status).toBe(200)
    expect(favicon.headers.get('content-type')).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/)
    expect(favicon.headers.get('cache-control')).toBe('public, max-age=604800')
    const ico = Buffer.from(await favicon.arrayBuffer())
    // an icon directory (reserved 0, type 1) whose images are PNGs of the sizes it declares
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    const images = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i
      const image = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8))
      expect(image.subarray(0, 8)).toEqual(PNG_SIGNATURE)
      expect(pngSize(image)).toEqual({ width: ico[entry], height: ico[entry + 1] })
      return ico[entry]
    })
    expect(images).toContain(32)

    const res = await stack.api.get('/manifest.webmanifest')
    expect(res.status).toBe(200)
    // the type browsers expect of a manifest (send's own table knows .webmanifest)
    expect(res.headers.get('content-type')).toMatch(/^application\/manifest\+json/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    // the client parses it as the JSON it is labelled
    const manifest = res.body as { name: string; short_name: string; display: string; theme_color: string; start_url: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] }
    expect(manifest).toMatchObject({ name: '智慧信访', display: 'standalone', theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/) })
    expect([...manifest.short_name].length).toBeLessThanOrEqual(12)
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true)
    for (const icon of manifest.icons) {
      // icon paths are relative to the manifest, as the page may be served under any path
      const url = new URL(icon.src, `${stack.baseUrl}/manifest.webmanifest`)
      const image = await fetch(url)
      expect(image.status, icon.src).toBe(200)
      expect(image.headers.get('content-type')).toBe(icon.type)
      expect(image.headers.get('cache-control')).toBe('public, max-age=604800')
      const bytes = Buffer.from(await image.arrayBuffer())
      expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE)
      const [width, height] = icon.sizes.split('x').map(Number)
      expect(pngSize(bytes)).toEqual({ width, height })
    }
  })

  it("links the favicon, manifest and apple-touch icon from the page's head, with its name for home screens", () => {
    const head = fs.readFileSync(path.join(MINIAPP, 'src/index.html'), 'utf8')
    const links = Object.fromEntries([...head.matchAll(/<link rel="([\w-]+)" href="([^"]+)"/g)].map(([, rel, href]) => [`${rel} ${href}`, href!]))
    const hrefs = (rel: string) => Object.entries(links).filter(([key]) => key.startsWith(`${rel} `)).map(([, href]) => href)
    expect(hrefs('icon')).toContain('./favicon.ico')
    expect(hrefs('manifest')).toEqual(['./manifest.webmanifest'])
    expect(hrefs('apple-touch-icon')).toHaveLength(1)
    for (const href of Object.values(links)) expect(fs.existsSync(path.join(H5_PUBLIC, href)), href).toBe(true)
    const apple = fs.readFileSync(path.join(H5_PUBLIC, hrefs('apple-touch-icon')[0]!))
    expect(pngSize(apple)).toEqual({ width: 180, height: 180 })
    expect(head).toContain('<meta name="application-name" content="智慧信访">')
    expect(head).toContain('<meta name="apple-mobile-web-app-title" content="智慧信访">')
    expect(head).toMatch(/<title>智慧信访[^<]*<\/title>/)
  })

  it("allows no outside script or connection in the CSP when no city-app SDK origin is configured", async () => {
    const csp = (await stack.api.get('/')).headers.get('content-security-policy') ?? ''
    expect(directive(csp, 'script-src')).not.toMatch(/https?:/)
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' blob:")
  })

  it('answers / with index.html, revalidated on every load, under a CSP that allows only its own scripts', async () => {
    const res = await stack.api.get('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.body).toBe(INDEX_HTML)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const csp = res.headers.get('content-security-policy') ?? ''
    const inlineHash = createHash('sha256').update(SIZING_SCRIPT).digest('base64')
    expect(csp).toContain(`script-src 'self' 'sha256-${inlineHash}'`)
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/)
    expect(csp).toContain("object-src 'none'")

    const direct = await stack.api.get('/index.html')
    expect(direct.headers.get('cache-control')).toBe('no-cache')
  })

  it('caches the hashed scripts and styles for a year', async () => {
    const js = await stack.api.get('/js/app.1234abcd.js')
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toMatch(/javascript/)
    expect(js.body).toBe(APP_JS)
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const css = await stack.api.get('/css/app.1234abcd.css')
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    // helmet's headers still apply to the app's files
    expect(js.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers a missing file with the API 404, and refuses paths outside the folder', async () => {
    const missing = await stack.api.get('/js/nope.js')
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' })
    const escape = await stack.api.get('/..%2f..%2fetc%2fpasswd')
    expect([403, 404]).toContain(escape.status)
    expect(String(escape.body)).not.toContain('root:')
  })

  it('leaves /api, /docs and /healthz to the API, even where the folder has a file of that name', async () => {
    const catalog = await stack.api.get('/api/v1/catalog')
    expect(catalog.status).toBe(200)
    expect(catalog.headers.get('content-type')).toMatch(/json/)
    const stray = await stack.api.get('/api/v1/stray.txt')
    expect(stray.status).toBe(404)
    expect(stray.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' })

    const health = await stack.api.get('/healthz')
    expect(health.body).toMatchObject({ status: 'ok' })

    const unknownApi = await stack.api.get('/api/v1/no-such-route')
    expect(unknownApi.status).toBe(404)
    expect(unknownApi.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' })

    const docs = await stack.api.get('/docs/json')
    expect(docs.status).toBe(200)
    expect(docs.body.info.title).toBe('智慧信访 API')
    // the static route stays out of the API's own description
    expect(Object.keys(docs.body.paths)).not.toContain('/*')
  })

  it('refuses to start with a city-app SDK origin that is not an exact https origin, naming it', () => {
    expect(() => loadConfig({ ...stackEnv(stack.mocks, stack.dataDir), CITYAPP_SDK_ORIGINS: 'https://sdk.cityapp.example,http://sdk.cityapp.example/jssdk.js' })).toThrow(
      /CITYAPP_SDK_ORIGINS: "http:\/\/sdk\.cityapp\.example\/jssdk\.js" is not an https origin/,
    )
    const config = loadConfig({ ...stackEnv(stack.mocks, stack.dataDir), CITYAPP_SDK_ORIGINS: ' https://SDK.cityapp.example:443/ , https://api.cityapp.example:8443' })
    expect(config.cityAppSdkOrigins).toEqual(SDK_ORIGINS)
    expect(loadConfig(stackEnv(stack.mocks, stack.dataDir)).cityAppSdkOrigins).toEqual([])
  })

  it('refuses to start with an H5_DIR that is not a folder', () => {
    const missing = path.join(h5Dir, 'no-such-build')
    expect(() => loadConfig({ H5_DIR: missing })).toThrow(/H5_DIR: .*no-such-build is not a folder/)
  })
})

describe('the H5 app inside the city app (CITYAPP_SDK_ORIGINS)', () => {
  let cityStack: Stack
  beforeAll(async () => {
    cityStack = await startStack({ env: { H5_DIR: h5Dir, CITYAPP_SDK_ORIGINS: SDK_ORIGINS.join(',') } })
  })
  afterAll(() => cityStack?.close())

  it("lets the SDK's scripts load and its calls connect, and nothing more", async () => {
    const csp = (await cityStack.api.get('/')).headers.get('content-security-policy') ?? ''
    for (const origin of SDK_ORIGINS) {
      expect(directive(csp, 'script-src')).toContain(` ${origin}`)
      expect(directive(csp, 'connect-src')).toContain(` ${origin}`)
    }
    expect(directive(csp, 'connect-src')).toBe(`connect-src 'self' blob: ${SDK_ORIGINS.join(' ')}`)
    expect(directive(csp, 'img-src')).not.toContain('cityapp')
    expect(csp).toContain("object-src 'none'")
  })
})
