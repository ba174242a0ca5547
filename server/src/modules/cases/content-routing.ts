import { categoryOf, type CategoryCode } from '@xinfang/shared/categories'
import { unitName, type ZoneCode } from '@xinfang/shared/catalog'
import { districtOf } from '@xinfang/shared/places'
import type { Assistant, Recommendation } from '../assist/recommendation'

export interface Routing {
  category: CategoryCode | null
  zone: ZoneCode | null
  region: string | null
  street: string | null
  /** what the assistant said, when it was asked; for the timeline */
  assisted: { confident: boolean; confidence: number; note: string; data: Record<string, unknown> } | null
}

const percent = (x: number) => `${Math.round(x * 100)}%`

/**
 * Where a submission goes. What the resident chose stands. When they chose neither a category
 * nor a zone, the assistant reads the text: a confident reading dispatches at once (and fills a
 * place the resident left empty); an unsure one leaves the case to a person (triage), and the
 * timeline says which happened and why.
 */
export function routeSubmission(assistant: Assistant, content: string, chosen: { category: CategoryCode | null; zone: ZoneCode | null; region: string | null; street: string | null }): Routing {
  const { category, zone, region, street } = chosen
  if (category || zone) return { category, zone: zone ?? (category ? (categoryOf(category)?.zone ?? null) : null), region, street, assisted: null }
  const guess: Recommendation = assistant.recommend(content)
  const top = guess.units[0]
  const data = { confidence: guess.confidence, units: guess.units.slice(0, 3), category: guess.category, reasons: guess.reasons }
  if (!guess.confident || !guess.category) {
    const likely = top ? `最可能是${unitName(top.code)}，把握${percent(top.score)}` : '看不出归哪个单位'
    return { category: null, zone: null, region, street, assisted: { confident: false, confidence: guess.confidence, note: `智能分办没有把握（${likely}）`, data } }
  }
  const place = region || street ? { region, street } : { region: guess.street ? districtOf(guess.street) : guess.region, street: guess.street }
  const why = guess.reasons.length > 0 ? `：${guess.reasons.slice(0, 2).join('；')}` : ''
  return {
    category: guess.category,
    zone: categoryOf(guess.category)?.zone ?? guess.zone,
    ...place,
    assisted: { confident: true, confidence: guess.confidence, note: `智能分办判断为「${categoryOf(guess.category)?.name ?? guess.category}」（把握${percent(guess.confidence)}${why}）`, data },
  }
}
