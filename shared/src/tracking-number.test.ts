import { describe, it, expect } from 'vitest'
import {
  dammDigit,
  formatTrackingNo,
  generateTrackingNo,
  isValidTrackingNo,
  normalizeTrackingNo,
} from './tracking-number'

/** Deterministic bytes (xorshift32) so failures reproduce. */
const seededRandom = (seed: number) => {
  let state = seed >>> 0 || 1
  return (n: number) => {
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i += 1) {
      state ^= state << 13
      state ^= state >>> 17
      state ^= state << 5
      out[i] = state & 0xff
    }
    return out
  }
}

/** Bytes 0, 1, ..., 255, 0, 1, ... : every byte value equally often. */
const cyclingRandom = () => {
  let next = 0
  return (n: number) => Uint8Array.from({ length: n }, () => next++ % 256)
}

describe('Damm check digit', () => {
  it('matches the published example 572 -> 4', () => {
    expect(dammDigit('572')).toBe(4)
    expect(dammDigit('5724')).toBe(0)
  })

  it('catches every single-digit substitution and adjacent transposition', () => {
    const random = seededRandom(2026)
    for (let sample = 0; sample < 50; sample += 1) {
      const valid = generateTrackingNo(random)
      expect(isValidTrackingNo(valid)).toBe(true)
      for (let i = 0; i < valid.length; i += 1) {
        for (let d = 0; d <= 9; d += 1) {
          if (String(d) === valid[i]) continue
          const wrong = `${valid.slice(0, i)}${d}${valid.slice(i + 1)}`
          expect(isValidTrackingNo(wrong), wrong).toBe(false)
        }
        if (i + 1 < valid.length && valid[i] !== valid[i + 1]) {
          const swapped = `${valid.slice(0, i)}${valid[i + 1]}${valid[i]}${valid.slice(i + 2)}`
          expect(isValidTrackingNo(swapped), swapped).toBe(false)
        }
      }
    }
  })
})

describe('generateTrackingNo', () => {
  it('makes 12 digits that pass their own check', () => {
    const no = generateTrackingNo(seededRandom(7))
    expect(no).toMatch(/^\d{12}$/)
    expect(dammDigit(no)).toBe(0)
  })

  it('skips bytes 250-255 instead of folding them onto 0-5', () => {
    const queue = [255, 250, 251, 3, 17, 249, 0, 11, 22, 33, 44, 55, 66, 77]
    const no = generateTrackingNo((n) => Uint8Array.from(queue.splice(0, n)))
    expect(no.slice(0, 11)).toBe('37901234567')
    expect(queue).toEqual([])
  })

  it('draws every digit exactly equally from a uniform byte stream', () => {
    // 250 numbers x 11 digits = 2750 digits = 11 passes over the 250 usable byte
    // values, 25 per digit per pass. Plain `byte % 10` would give 0-5 more.
    const random = cyclingRandom()
    const counts = new Array<number>(10).fill(0)
    for (let i = 0; i < 250; i += 1) {
      for (const ch of generateTrackingNo(random).slice(0, 11)) counts[Number(ch)] = (counts[Number(ch)] ?? 0) + 1
    }
    expect(counts).toEqual(new Array(10).fill(275))
  })

  it('spreads random numbers evenly and without repeats', () => {
    const random = seededRandom(42)
    const seen = new Set<string>()
    const counts = new Array<number>(10).fill(0)
    const n = 5000
    for (let i = 0; i < n; i += 1) {
      const no = generateTrackingNo(random)
      seen.add(no)
      for (const ch of no.slice(0, 11)) counts[Number(ch)] = (counts[Number(ch)] ?? 0) + 1
    }
    expect(seen.size).toBe(n)
    // Expected 5500 per digit; a chi-square over 9 degrees of freedom above 27.9 has p < 0.001.
    const expected = (n * 11) / 10
    const chi = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0)
    expect(chi).toBeLessThan(27.9)
  })

  it('gives up on a source that never yields usable bytes', () => {
    expect(() => generateTrackingNo((n) => new Uint8Array(n).fill(255))).toThrow()
    expect(() => generateTrackingNo(() => new Uint8Array(0))).toThrow()
  })
})

describe('normalising, validating and formatting', () => {
  const valid = generateTrackingNo(seededRandom(99))
  const grouped = `${valid.slice(0, 4)}-${valid.slice(4, 8)}-${valid.slice(8)}`
  const fullWidth = Array.from(valid, (d) => String.fromCharCode(0xff10 + Number(d))).join('')

  it('accepts the ways people type it', () => {
    for (const input of [valid, grouped, grouped.replaceAll('-', ' '), ` ${grouped}\n`, fullWidth, grouped.replaceAll('-', '－'), grouped.replaceAll('-', '—'), grouped.replaceAll('-', '\u3000')]) {
      expect(normalizeTrackingNo(input), input).toBe(valid)
      expect(isValidTrackingNo(input), input).toBe(true)
    }
  })

  it('refuses wrong lengths and letters', () => {
    expect(normalizeTrackingNo(valid.slice(1))).toBeNull()
    expect(normalizeTrackingNo(`${valid}0`)).toBeNull()
    expect(normalizeTrackingNo(`${valid.slice(1)}A`)).toBeNull()
    expect(normalizeTrackingNo('')).toBeNull()
    expect(isValidTrackingNo('abcd-efgh-ijkl')).toBe(false)
  })

  it('formats in groups of four', () => {
    expect(formatTrackingNo('123456789012')).toBe('1234-5678-9012')
    expect(formatTrackingNo(fullWidth)).toBe(grouped)
    expect(() => formatTrackingNo('12345')).toThrow(RangeError)
  })
})
