import type { RegionCode, UnitCode, ZoneCode } from '@xinfang/shared/catalog'
import type { CategoryCode } from '@xinfang/shared/categories'
import type { ExtractedFacts } from './facts'

/** What the assistant proposes for a complaint's text; every code is a catalog contract code. */
export interface Recommendation {
  /** responsible units, best first, scores summing to at most 1 */
  units: { code: UnitCode; score: number }[]
  /** a category of the top unit, or null when the text is too thin to say */
  category: CategoryCode | null
  zone: ZoneCode | null
  region: RegionCode | null
  /** a seed street's dotted place code (jinshui.huayuanlu) when the text names one */
  street: string | null
  /** the top unit's score: the model's probability that it is the right one */
  confidence: number
  /** true when the top unit is sure enough to dispatch without a person looking first */
  confident: boolean
  /** why, in plain Chinese, for the resident's form and the timeline */
  reasons: string[]
  facts: ExtractedFacts
}

export interface Assistant {
  recommend(text: string): Recommendation
}
