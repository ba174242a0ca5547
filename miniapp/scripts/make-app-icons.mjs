// Draws the H5 app's icons (favicon, home-screen and apple-touch icons) with png-draw.mjs and
// writes the web app manifest that lists them, so the sizes are named once, here.
// Run: node scripts/make-app-icons.mjs  (writes src/h5-public/, which is committed and copied into dist/h5)
import { mkdirSync, writeFileSync } from 'node:fs'
import { circle, png, polygon, rect, render } from './png-draw.mjs'

const OUT = new URL('../src/h5-public/', import.meta.url)
const BRAND = [31, 95, 191] // the navigation bar's blue (app.config.ts)
const WHITE = [255, 255, 255]
const DESIGN = 100

// A speech bubble with three dots: 事儿能说. Design coordinates 0..100, shrunk towards the
// centre by `inset` so a maskable icon keeps it inside the safe circle (radius 40).
const glyph = (inset = 1) => {
  const at = (v) => 50 + (v - 50) * inset
  const bubble = [
    ['add', rect(at(20), at(22), at(80), at(68), 12 * inset)],
    ['add', polygon([[at(32), at(64)], [at(30), at(82)], [at(50), at(64)]])],
  ]
  const dots = [35, 50, 65].map((x) => ['add', circle(at(x), at(45), 5.5 * inset)])
  return [
    { color: WHITE, ops: bubble },
    { color: BRAND, ops: dots },
  ]
}
const background = (radius) => ({ color: BRAND, ops: [['add', rect(0, 0, DESIGN, DESIGN, radius)]] })

// rounded where the platform shows the picture as it is; full-bleed where it cuts its own shape
const ROUNDED = [background(22), ...glyph()]
const FULL_BLEED = [background(0), ...glyph()]
const MASKABLE = [background(0), ...glyph(0.8)]

const draw = (layers, size) => png(render(layers, size, DESIGN), size)

/**
 * favicon.ico with PNG images inside (ICO allows it since Windows Vista; every browser reads it):
 * the 6-byte header, a 16-byte entry per image, then the images.
 * @see https://en.wikipedia.org/wiki/ICO_(file_format)
 */
function ico(sizes) {
  const images = sizes.map((size) => draw(ROUNDED, size))
  const header = Buffer.alloc(6)
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(images.length, 4)
  let offset = header.length + 16 * images.length
  const entries = images.map((image, i) => {
    const entry = Buffer.alloc(16)
    entry[0] = sizes[i] % 256 // 0 means 256
    entry[1] = sizes[i] % 256
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(image.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += image.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images])
}

// iOS rounds the apple-touch icon itself and shows transparency as black: opaque, square
const PNGS = [
  { file: 'icons/icon-192.png', size: 192, layers: ROUNDED, purpose: 'any' },
  { file: 'icons/icon-512.png', size: 512, layers: ROUNDED, purpose: 'any' },
  { file: 'icons/icon-maskable-512.png', size: 512, layers: MASKABLE, purpose: 'maskable' },
  { file: 'icons/apple-touch-icon.png', size: 180, layers: FULL_BLEED },
]

const manifest = {
  name: '智慧信访',
  // four characters fit under a home-screen icon as they are
  short_name: '智慧信访',
  description: '扫码事儿能说、进度能看、结果能评',
  lang: 'zh-CN',
  start_url: './',
  scope: './',
  display: 'standalone',
  theme_color: `#${BRAND.map((c) => c.toString(16).padStart(2, '0')).join('')}`,
  background_color: '#f4f6f9',
  icons: PNGS.filter((p) => p.purpose).map((p) => ({ src: p.file, sizes: `${p.size}x${p.size}`, type: 'image/png', purpose: p.purpose })),
}

mkdirSync(new URL('icons/', OUT), { recursive: true })
for (const { file, size, layers } of PNGS) writeFileSync(new URL(file, OUT), draw(layers, size))
writeFileSync(new URL('favicon.ico', OUT), ico([16, 32, 48]))
writeFileSync(new URL('manifest.webmanifest', OUT), `${JSON.stringify(manifest, null, 2)}\n`)
console.log('app icons and manifest written to', OUT.pathname)
