import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '@xinfang/server/config'
import { startStack, type Stack } from '../support/stack'

// A stand-in for miniapp/dist/h5: Taro's shape (an inline sizing script, hashed js/ and css/),
// plus files named like API paths, which must never answer in the API's place.
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
  return dir
}

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

  it('refuses to start with an H5_DIR that is not a folder', () => {
    const missing = path.join(h5Dir, 'no-such-build')
    expect(() => loadConfig({ H5_DIR: missing })).toThrow(/H5_DIR: .*no-such-build is not a folder/)
  })
})
