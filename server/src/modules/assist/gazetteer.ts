import { regionName, type RegionCode } from '@xinfang/shared/catalog'
import { isKnownPlace } from '@xinfang/shared/places'
import { GAZETTEER, TOO_COMMON } from './corpus/gazetteer'

type Kind = 'district' | 'street' | 'place'

interface Entry {
  alias: string
  region: RegionCode
  /** a seed street's dotted code, when the alias names one */
  street: string | null
  kind: Kind
}

export interface PlaceHit {
  alias: string
  region: RegionCode
  street: string | null
  kind: Kind
  at: number
}

export interface PlaceGuess {
  region: RegionCode
  street: string | null
  /** the words that placed it, in the order they appear */
  mentions: string[]
}

// Naming the district outright says more than a street, a street more than a landmark.
const WEIGHT: Record<Kind, number> = { district: 3, street: 2, place: 1.5 }
const SUFFIX = /(街道|镇|乡)$/

function entries(): Entry[] {
  const all: Entry[] = []
  for (const [region, data] of Object.entries(GAZETTEER) as [RegionCode, (typeof GAZETTEER)[RegionCode]][]) {
    for (const name of data.names) all.push({ alias: name, region, street: null, kind: 'district' })
    for (const [name, key, extra = []] of data.streets) {
      const code = key && isKnownPlace(`${region}.${key}`) ? `${region}.${key}` : null
      const short = name.replace(SUFFIX, '')
      const aliases = new Set([name, ...extra, ...(short.length >= 2 ? [short] : [])])
      for (const alias of aliases) all.push({ alias, region, street: code, kind: 'street' })
    }
    for (const name of data.places) all.push({ alias: name, region, street: null, kind: 'place' })
  }
  // a form two districts share, or an everyday word, places nothing on its own
  const regionsOf = new Map<string, Set<RegionCode>>()
  for (const e of all) regionsOf.set(e.alias, (regionsOf.get(e.alias) ?? new Set()).add(e.region))
  const unique = all.filter((e) => regionsOf.get(e.alias)!.size === 1 && !TOO_COMMON.has(e.alias))
  const seen = new Set<string>()
  return unique.filter((e) => !seen.has(e.alias) && seen.add(e.alias)).sort((a, b) => b.alias.length - a.alias.length)
}

export interface Gazetteer {
  /** every alias, for the segmenter's dictionary */
  readonly words: readonly string[]
  /** Place names in the text, longest first where they overlap (新郑机场 is not 新郑). */
  hits(text: string): PlaceHit[]
  /** The district the text is about, or null when it names none. */
  locate(text: string): PlaceGuess | null
}

export function createGazetteer(): Gazetteer {
  const list = entries()
  // a first-character index keeps the scan to the few aliases that can start at each position
  const byFirst = new Map<string, Entry[]>()
  for (const e of list) byFirst.set(e.alias[0]!, [...(byFirst.get(e.alias[0]!) ?? []), e])

  function hits(text: string): PlaceHit[] {
    const found: PlaceHit[] = []
    for (let i = 0; i < text.length; ) {
      const match = byFirst.get(text[i]!)?.find((e) => text.startsWith(e.alias, i))
      if (match) {
        found.push({ alias: match.alias, region: match.region, street: match.street, kind: match.kind, at: i })
        i += match.alias.length
      } else i += 1
    }
    return found
  }

  return {
    words: list.map((e) => e.alias),
    hits,
    locate(text) {
      const found = hits(text)
      if (found.length === 0) return null
      const score = new Map<RegionCode, number>()
      for (const h of found) score.set(h.region, (score.get(h.region) ?? 0) + WEIGHT[h.kind])
      // the strongest evidence wins; between equals, the district named first
      const region = [...score.entries()].sort((a, b) => b[1] - a[1] || firstAt(found, a[0]) - firstAt(found, b[0]))[0]![0]
      const mine = found.filter((h) => h.region === region)
      return { region, street: mine.find((h) => h.street)?.street ?? null, mentions: [...new Set(mine.map((h) => h.alias))] }
    },
  }
}

const firstAt = (found: PlaceHit[], region: RegionCode) => found.find((h) => h.region === region)?.at ?? Infinity

export const placeReason = (guess: PlaceGuess): string => `提到“${guess.mentions.join('”“')}”，属${regionName(guess.region)}`
