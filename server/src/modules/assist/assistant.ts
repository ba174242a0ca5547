import { unitName, zoneUnits, type UnitCode } from '@xinfang/shared/catalog'
import { CATEGORIES, categoryOf, type CategoryCode } from '@xinfang/shared/categories'
import { trainingExamples } from './corpus/training-corpus'
import { extractFacts } from './facts'
import { createFeaturizer, type Featurizer } from './features'
import { createGazetteer, placeReason, type Gazetteer } from './gazetteer'
import { trainLinearModel, type LinearModel } from './linear-model'
import type { Assistant, Recommendation } from './recommendation'

/** The categories the model chooses among: every one that names a unit ('other' does not), but those only a zone form chooses. */
const LABELS = CATEGORIES.filter((c) => c.unit !== null && !('formOnly' in c)).map((c) => ({ code: c.code as CategoryCode, unit: c.unit as UnitCode }))
const labelOf = new Map<string, number>(LABELS.map((l, i) => [l.code, i]))

/**
 * Above this, the top unit is trusted to dispatch at once. Chosen on the held-out set
 * (npm run bench:assist prints accuracy above and below it): wrong-and-confident is the
 * costly mistake, a case sent to triage only waits for a person.
 */
export const CONFIDENT_AT = 0.6
const MAX_UNITS = 5
const MAX_REASON_WORDS = 3

interface Trained {
  gazetteer: Gazetteer
  featurizer: Featurizer
  model: LinearModel
}

let trained: Trained | null = null

/** Segmenter, gazetteer and model, built once per process: every app in a test run shares them. */
function train(): Trained {
  if (trained) return trained
  const gazetteer = createGazetteer()
  const featurizer = createFeaturizer(gazetteer.words)
  const rows = trainingExamples().map((e) => ({ features: featurizer.features(stripPlaces(gazetteer, e.text)), label: labelOf.get(e.category)! }))
  trained = { gazetteer, featurizer, model: trainLinearModel(rows, LABELS.length) }
  return trained
}

/** Place names say where, never whose: kept out of the unit model so 新郑 never means housing. */
function stripPlaces(gazetteer: Gazetteer, text: string): string {
  let out = text
  for (const hit of gazetteer.hits(text).reverse()) out = `${out.slice(0, hit.at)}，${out.slice(hit.at + hit.alias.length)}`
  return out
}

function reasonWords(t: Trained, text: string, features: string[], label: number): string[] {
  const words = new Set(t.featurizer.words(text))
  const ranked = features
    .map((f) => ({ word: f.startsWith('~') ? f.slice(1) : f, weight: t.model.contribution(f, label) }))
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight)
  const picked: string[] = []
  for (const { word } of ranked) {
    // a character pair inside a word already shown adds nothing; whole words read better
    if (picked.some((p) => p.includes(word) || word.includes(p))) continue
    if (!words.has(word) && word.length < 2) continue
    picked.push(word)
    if (picked.length === MAX_REASON_WORDS) break
  }
  return picked
}

export function createAssistant(): Assistant {
  const t = train()
  return {
    recommend(text: string): Recommendation {
      const place = t.gazetteer.locate(text)
      const features = t.featurizer.features(stripPlaces(t.gazetteer, text))
      const probabilities = t.model.predict(features)

      const byUnit = new Map<UnitCode, number>()
      LABELS.forEach((l, i) => byUnit.set(l.unit, (byUnit.get(l.unit) ?? 0) + probabilities[i]!))
      const units = [...byUnit.entries()]
        .map(([code, score]) => ({ code, score: Math.round(score * 1000) / 1000 }))
        .sort((a, b) => b.score - a.score)
        .slice(0, MAX_UNITS)
      const top = units[0]!
      const label = LABELS.map((l, i) => ({ ...l, i })).filter((l) => l.unit === top.code).sort((a, b) => probabilities[b.i]! - probabilities[a.i]!)[0]!
      const hasEvidence = features.length > 0
      const confidence = hasEvidence ? top.score : 0
      const confident = confidence >= CONFIDENT_AT
      const category = hasEvidence ? label.code : null
      // 政法服务 covers police and court matters as well as justice's own (catalog.md: "police, court by content")
      const zone = category ? (categoryOf(category).zone ?? (zoneUnits('legal').includes(top.code) ? 'legal' : null)) : null

      const reasons: string[] = []
      const words = hasEvidence ? reasonWords(t, text, features, label.i) : []
      if (words.length > 0) reasons.push(`提到“${words.join('”“')}”，像是${unitName(top.code)}管的事`)
      if (place) reasons.push(placeReason(place))
      if (!confident) reasons.push('把握不大，建议由信访部门人工分办')

      return {
        units,
        category,
        zone,
        region: place?.region ?? null,
        street: place?.street ?? null,
        confidence,
        confident,
        reasons,
        facts: extractFacts(text),
      }
    },
  }
}
