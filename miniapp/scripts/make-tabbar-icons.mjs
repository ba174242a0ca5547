// Draws the tab bar icons (81x81 PNG, WeChat's recommended size) with png-draw.mjs.
// Run: node scripts/make-tabbar-icons.mjs  (writes src/assets/tabbar/*.png, which are committed)
import { writeFileSync, mkdirSync } from 'node:fs'
import { circle, png, polygon, rect, render } from './png-draw.mjs'

const SIZE = 81
const OUT = new URL('../src/assets/tabbar/', import.meta.url)
const COLORS = { normal: [122, 126, 131], active: [31, 95, 191] }

// A shape is a predicate over icon coordinates (0..81); `add` fills it, `cut` clears it.
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
  writeFileSync(new URL(`${name}.png`, OUT), png(render([{ color: COLORS.normal, ops }], SIZE), SIZE))
  writeFileSync(new URL(`${name}-active.png`, OUT), png(render([{ color: COLORS.active, ops }], SIZE), SIZE))
}
console.log('tab bar icons written to', OUT.pathname)
