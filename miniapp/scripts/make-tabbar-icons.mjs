// Draws the tab bar icons (81x81 PNG, WeChat's recommended size) without any image library:
// shapes are filled on a 4x supersampled grid, averaged to anti-alias, and written as PNG with zlib.
// Run: node scripts/make-tabbar-icons.mjs  (writes src/assets/tabbar/*.png, which are committed)
import { writeFileSync, mkdirSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 81
const SS = 4
const OUT = new URL('../src/assets/tabbar/', import.meta.url)
const COLORS = { normal: [122, 126, 131], active: [31, 95, 191] }

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
const png = (rgba) => {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

// A shape is a predicate over icon coordinates (0..81); `draw` adds or cuts it.
const render = (ops, [r, g, b]) => {
  const rgba = Buffer.alloc(SIZE * SIZE * 4)
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const px = x + (sx + 0.5) / SS
          const py = y + (sy + 0.5) / SS
          let on = false
          for (const [mode, inside] of ops) if (inside(px, py)) on = mode === 'add'
          if (on) hits++
        }
      }
      const i = (y * SIZE + x) * 4
      rgba[i] = r
      rgba[i + 1] = g
      rgba[i + 2] = b
      rgba[i + 3] = Math.round((255 * hits) / (SS * SS))
    }
  }
  return rgba
}

const rect = (x0, y0, x1, y1, radius = 0) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius)
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const polygon = (pts) => (x, y) => {
  let inside = false
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]
    const [xj, yj] = pts[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

const ICONS = {
  // a house: roof, body, door cut out
  home: [
    ['add', polygon([[40.5, 10], [72, 38], [66, 38], [40.5, 16.5], [15, 38], [9, 38]])],
    ['add', rect(18, 34, 63, 70, 3)],
    ['cut', rect(23, 39, 58, 65, 1)],
    ['add', rect(34, 48, 47, 70, 1)],
  ],
  // a sheet with lines: my cases
  cases: [
    ['add', rect(16, 10, 65, 71, 5)],
    ['cut', rect(21, 15, 60, 66, 2)],
    ['add', rect(27, 25, 54, 30, 2)],
    ['add', rect(27, 37, 54, 42, 2)],
    ['add', rect(27, 49, 44, 54, 2)],
  ],
  // a person: head and shoulders
  me: [
    ['add', circle(40.5, 27, 14)],
    ['cut', circle(40.5, 27, 9)],
    ['add', (x, y) => y >= 47 && y <= 71 && ((x - 40.5) / 27) ** 2 + ((y - 71) / 24) ** 2 <= 1],
    ['cut', (x, y) => y >= 52 && y <= 66 && ((x - 40.5) / 21) ** 2 + ((y - 66) / 14) ** 2 <= 1],
  ],
}

mkdirSync(OUT, { recursive: true })
for (const [name, ops] of Object.entries(ICONS)) {
  writeFileSync(new URL(`${name}.png`, OUT), png(render(ops, COLORS.normal)))
  writeFileSync(new URL(`${name}-active.png`, OUT), png(render(ops, COLORS.active)))
}
console.log('tab bar icons written to', OUT.pathname)
