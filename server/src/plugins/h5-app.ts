import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'

/** Paths the API owns: never answered from the H5 folder, even when a file of that name is there. */
const API_PREFIXES = ['/api/', '/docs', '/healthz', '/metrics']

/** Taro writes every script and stylesheet under js/ and css/ with a content hash in the name. */
const HASHED_FOLDERS = ['js/', 'css/']
const LONG_CACHE = 'public, max-age=31536000, immutable'
/** The favicon and home-screen icons keep their names across builds: a week, then the browser asks again. */
const ICON_CACHE = 'public, max-age=604800'
const isIcon = (relative: string) => relative.startsWith('icons/') || relative === 'favicon.ico'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/**
 * Taro's H5 tab bar items are `<a href="javascript:;">` with a click handler: without this
 * exact hash, every tab tap is reported as a blocked javascript: navigation.
 */
const TABBAR_NOOP_LINK = sha256('javascript:;')

/**
 * The page's CSP. Taro's index.html carries one inline script (it sizes the root font for rem
 * units), allowed by its hash, so no other inline or injected script runs. Styles must allow
 * 'unsafe-inline': Taro's components and NutUI inject <style> elements and style attributes.
 * blob: covers photos picked with chooseImage, which H5 previews and then reads (XHR) for upload.
 * The city app's SDK (CITYAPP_SDK_ORIGINS) may load its scripts and call its own origin from
 * the bridge the city app injects; nothing else outside our origin may.
 */
function contentSecurityPolicy(indexHtml: string, sdkOrigins: readonly string[]): string {
  const inlineScripts = [...indexHtml.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, body]) => sha256(body ?? ''))
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScripts, "'unsafe-hashes'", TABBAR_NOOP_LINK, ...sdkOrigins].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    ["connect-src 'self' blob:", ...sdkOrigins].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ')
}

/** The CSP of the index.html on disk, recomputed only when a rebuild changes the file. */
function cspOfFile(sdkOrigins: readonly string[]) {
  let cached: { key: string; csp: string } | null = null
  return (file: string, stat: fs.Stats) => {
    const key = `${file}:${stat.mtimeMs}:${stat.size}`
    if (cached?.key !== key) cached = { key, csp: contentSecurityPolicy(fs.readFileSync(file, 'utf8'), sdkOrigins) }
    return cached.csp
  }
}

/**
 * The built H5 app (H5_DIR, normally miniapp/dist/h5) at `/`, same origin as the API it calls.
 * Registered after the API routes: Fastify's router prefers their exact paths to this plugin's
 * `/*`, and the API prefixes are refused here outright so a stray file can never answer for
 * them. Hashed assets are cached for a year, icons for a week; index.html and the manifest are
 * revalidated on every load so a new build reaches residents at once.
 */
export default fp(
  async (fastify) => {
    const root = fastify.config.h5Dir
    if (!root) return
    const csp = cspOfFile(fastify.config.cityAppSdkOrigins)
    await fastify.register(fastifyStatic, {
      root,
      prefix: '/',
      index: 'index.html',
      // nothing here needs reply.sendFile/download
      decorateReply: false,
      // set per file in setHeaders: hashed assets and index.html want opposite policies
      cacheControl: false,
      allowedPath: (pathname) => !API_PREFIXES.some((prefix) => pathname.startsWith(prefix)),
      setHeaders: (reply, file, stat) => {
        const relative = path.relative(root, file).split(path.sep).join('/')
        const hashed = HASHED_FOLDERS.some((folder) => relative.startsWith(folder))
        reply.header('cache-control', hashed ? LONG_CACHE : isIcon(relative) ? ICON_CACHE : 'no-cache')
        if (relative.endsWith('.html')) reply.header('content-security-policy', csp(file, stat))
      },
    })
  },
  // after security: helmet's headers reach these files as they reach the API's answers
  { name: 'h5-app', dependencies: ['config', 'security'] },
)
