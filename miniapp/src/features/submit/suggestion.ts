import { regionName } from '@xinfang/shared/catalog'
import { categoryOf } from '@xinfang/shared/categories'
import type { IntakeSuggestion } from '@xinfang/shared/contracts/assist'
import { handlingPlan, type MatterAt } from '@xinfang/shared/handling-plan'
import { orgName } from '@xinfang/shared/org'
import { placeName, streetsOf } from '@xinfang/shared/places'
import type { Draft } from '../../stores/draft'

/** The draft fields a suggestion may fill, as the form has them. */
export type SuggestibleFields = Pick<Draft, 'category' | 'zone' | 'region' | 'street'>
/** What a suggestion fills of them. */
export type SuggestedFields = Partial<SuggestibleFields>

/**
 * What 用这个 writes into the draft: only fields that are still empty. A field with a value is the
 * resident's (picked, preset from a zone tile, or taken from an earlier suggestion with a tap),
 * and a suggestion never overrides the resident. Zone follows the category, as on the picker.
 */
export function suggestionPatch(draft: SuggestibleFields, suggestion: IntakeSuggestion): SuggestedFields {
  const patch: SuggestedFields = {}
  const category = suggestion.category ? categoryOf(suggestion.category) : null
  // a zone chosen from a livelihood tile without a category: only a category of that zone fits
  if (category && !draft.category && (!draft.zone || category.zone === draft.zone)) {
    patch.category = suggestion.category
    if (!draft.zone && category.zone) patch.zone = category.zone
  }
  const region = draft.region ?? suggestion.region
  if (!draft.region && suggestion.region) patch.region = suggestion.region
  // a street only within the district the form shows, and only one the street picker offers
  if (!draft.street && region && suggestion.street && streetsOf(region).some((s) => s.code === suggestion.street)) {
    patch.street = suggestion.street
  }
  return patch
}

/** Who will handle it, as dispatch will decide: a local matter goes to the district's counterpart. */
const handlersOf = (unit: string, matter: MatterAt) =>
  handlingPlan(unit, matter)
    .assignments.filter((a) => a.role === 'lead' || a.role === 'co_owner')
    .map((a) => orgName(a.unit, a.region))
    .join('、')

/**
 * The strip's one line, naming only what 用这个 would fill, e.g.
 * "冬季供暖 · 金水区花园路街道 → 郑州热力集团有限公司"; null when there is nothing to fill.
 * The unit is named only when it follows from the category the case will have, at the level
 * dispatch will give it (金水区城市管理局 for a street stall in 金水区).
 */
export function suggestionLine(draft: SuggestibleFields, suggestion: IntakeSuggestion, patch = suggestionPatch(draft, suggestion)): string | null {
  if (Object.keys(patch).length === 0) return null
  const parts: string[] = []
  if (patch.category) parts.push(categoryOf(patch.category).name)
  const region = patch.region ?? draft.region
  if (region && (patch.region || patch.street)) {
    const street = patch.street ?? draft.street
    parts.push(`${regionName(region)}${street ? (placeName(street) ?? '') : ''}`)
  }
  const category = patch.category ?? draft.category
  const unit = category && category === suggestion.category ? suggestion.units[0]?.code : undefined
  return `${parts.join(' · ')}${unit ? ` → ${handlersOf(unit, { category, zone: patch.zone ?? draft.zone, region })}` : ''}`
}
