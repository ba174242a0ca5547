/**
 * Multinomial logistic regression over sparse binary features, trained by plain SGD in a fixed
 * order: the same examples always give the same weights, so nothing opaque is committed and a
 * start-up retrains in well under a second. Chosen over naive Bayes because a distractor word
 * ("找过物业" in a heating letter) gets a small weight when it predicts badly, where naive
 * Bayes would count it as full evidence for property management.
 */
export interface TrainingRow {
  features: readonly string[]
  label: number
}

export interface LinearModel {
  readonly classes: number
  /** class probabilities, summing to 1 */
  predict(features: readonly string[]): Float64Array
  /** how much a feature pushes toward a class beyond its average pull (0 for unknown features) */
  contribution(feature: string, label: number): number
}

export interface TrainingOptions {
  epochs?: number
  learningRate?: number
  l2?: number
  seed?: number
}

function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  let s = seed >>> 0
  for (let i = n - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0
    const j = s % (i + 1)
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  return order
}

function softmaxInto(scores: Float64Array): void {
  let max = -Infinity
  for (const s of scores) max = Math.max(max, s)
  let sum = 0
  for (let c = 0; c < scores.length; c += 1) {
    scores[c] = Math.exp(scores[c]! - max)
    sum += scores[c]!
  }
  for (let c = 0; c < scores.length; c += 1) scores[c]! /= sum
}

export function trainLinearModel(rows: readonly TrainingRow[], classes: number, options: TrainingOptions = {}): LinearModel {
  const { epochs = 30, learningRate = 3, l2 = 1e-5, seed = 7 } = options
  const index = new Map<string, number>()
  const encoded = rows.map((row) => ({
    ids: row.features.map((f) => index.get(f) ?? index.set(f, index.size).get(f)!),
    label: row.label,
  }))
  const weights = new Float64Array(index.size * classes)
  const bias = new Float64Array(classes)
  const scores = new Float64Array(classes)

  for (let epoch = 0; epoch < epochs; epoch += 1) {
    const rate = learningRate / (1 + epoch)
    for (const i of shuffled(encoded.length, seed + epoch)) {
      const { ids, label } = encoded[i]!
      // each example's features share a unit of weight, so long letters do not shout
      const x = 1 / Math.sqrt(Math.max(ids.length, 1))
      scores.set(bias)
      for (const id of ids) for (let c = 0; c < classes; c += 1) scores[c]! += weights[id * classes + c]! * x
      softmaxInto(scores)
      for (let c = 0; c < classes; c += 1) {
        const gradient = scores[c]! - (c === label ? 1 : 0)
        bias[c]! -= rate * gradient
        for (const id of ids) {
          const w = id * classes + c
          weights[w]! -= rate * (gradient * x + l2 * weights[w]!)
        }
      }
    }
  }

  return {
    classes,
    predict(features) {
      const out = new Float64Array(bias)
      const known = features.map((f) => index.get(f)).filter((id): id is number => id !== undefined)
      const x = 1 / Math.sqrt(Math.max(features.length, 1))
      for (const id of known) for (let c = 0; c < classes; c += 1) out[c]! += weights[id * classes + c]! * x
      softmaxInto(out)
      return out
    },
    contribution(feature, label) {
      const id = index.get(feature)
      if (id === undefined) return 0
      let mean = 0
      for (let c = 0; c < classes; c += 1) mean += weights[id * classes + c]! / classes
      return weights[id * classes + label]! - mean
    },
  }
}
