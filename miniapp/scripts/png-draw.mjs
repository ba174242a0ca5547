// Draws icons as PNG without an image library: shapes are predicates over design coordinates,
// filled on a 4x supersampled grid and averaged to anti-alias, written as PNG with zlib.
// Used by make-tabbar-icons.mjs and make-app-icons.mjs.
import { deflateSync } from 'node:zlib'

const SS = 4
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

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

/** A square RGBA image (size x size, 4 bytes a pixel) as PNG bytes. */
export const png = (rgba, size) => {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size)
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

/** How much of the pixel (x, y) a layer's ops cover, 0..1; `add` fills a shape, `cut` clears it. */
const coverage = (ops, x, y, scale) => {
  let hits = 0
  for (let sy = 0; sy < SS; sy++) {
    for (let sx = 0; sx < SS; sx++) {
      const px = (x + (sx + 0.5) / SS) * scale
      const py = (y + (sy + 0.5) / SS) * scale
      let on = false
      for (const [mode, inside] of ops) if (inside(px, py)) on = mode === 'add'
      if (on) hits++
    }
  }
  return hits / (SS * SS)
}

/**
 * Renders `layers` (bottom first, each `{ color: [r, g, b], ops }`) into a size x size RGBA
 * buffer; shapes are in design coordinates 0..design, scaled to the size asked for.
 */
export const render = (layers, size, design = size) => {
  const rgba = Buffer.alloc(size * size * 4)
  const scale = design / size
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // "over" compositing, bottom to top; a pixel nothing covers keeps the bottom colour
      let [r, g, b] = layers[0].color
      let alpha = 0
      for (const { color, ops } of layers) {
        const a = coverage(ops, x, y, scale)
        if (a === 0) continue
        const out = a + alpha * (1 - a)
        r = (color[0] * a + r * alpha * (1 - a)) / out
        g = (color[1] * a + g * alpha * (1 - a)) / out
        b = (color[2] * a + b * alpha * (1 - a)) / out
        alpha = out
      }
      const i = (y * size + x) * 4
      rgba[i] = Math.round(r)
      rgba[i + 1] = Math.round(g)
      rgba[i + 2] = Math.round(b)
      rgba[i + 3] = Math.round(255 * alpha)
    }
  }
  return rgba
}

export const rect = (x0, y0, x1, y1, radius = 0) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius)
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}
export const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
export const polygon = (pts) => (x, y) => {
  let inside = false
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]
    const [xj, yj] = pts[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
