import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FRESH_HELDOUT_FILE, HELDOUT_FILE, readJsonl, trainingExamples } from './training-corpus'

/** The dev set is a check we must never train on; it lives outside the repository. */
const DEV_FILE = '/work/shared/domain/assist-dev.jsonl'
const SHINGLE = 12

const normalized = (text: string) => text.replace(/[\s\p{P}]/gu, '')
const shingles = (text: string) => {
  const t = normalized(text)
  return Array.from({ length: Math.max(t.length - SHINGLE + 1, 0) }, (_, i) => t.slice(i, i + SHINGLE))
}
const trainingShingles = new Set(trainingExamples().flatMap((e) => shingles(e.text)))
const overlapping = (texts: string[]) => texts.filter((text) => shingles(text).some((s) => trainingShingles.has(s)))

describe('the training data', () => {
  it.skipIf(!fs.existsSync(DEV_FILE))('holds no dev example, nor any 12 characters in a row of one', () => {
    const dev = readJsonl<{ content: string }>(DEV_FILE).map((d) => d.content)
    expect(dev.length).toBe(40)
    expect(overlapping(dev)).toEqual([])
  })

  it.each([HELDOUT_FILE, FRESH_HELDOUT_FILE])('shares no 12 characters in a row with the held-out set %s, written apart from it', (file) => {
    expect(overlapping(readJsonl<{ content: string }>(file).map((h) => h.content))).toEqual([])
  })

  it('covers every unit with hundreds of examples', () => {
    const perCategory = new Map<string, number>()
    for (const e of trainingExamples()) perCategory.set(e.category, (perCategory.get(e.category) ?? 0) + 1)
    expect(perCategory.size).toBe(23)
    expect(Math.min(...perCategory.values())).toBeGreaterThan(80)
  })
})
