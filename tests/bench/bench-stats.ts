/** Several runs of one load: the median and the spread, so one run's luck is not read as a result. */
export interface Spread {
  median: number
  min: number
  max: number
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) return { median: NaN, min: NaN, max: NaN }
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! }
}

/** `12% (10–14)`: a median ratio and its range, in percent */
export function percentSpread(ratios: readonly number[]): string {
  const { median, min, max } = spreadOf(ratios.map((r) => r * 100))
  return ratios.length > 1 ? `${median.toFixed(0)}% (${min.toFixed(0)}–${max.toFixed(0)})` : `${median.toFixed(0)}%`
}

/** `1,234 (1,100–1,300)`: a median count and its range */
export function countSpread(values: readonly number[]): string {
  const { median, min, max } = spreadOf(values)
  const n = (v: number) => Math.round(v).toLocaleString('en-US')
  return values.length > 1 ? `${n(median)} (${n(min)}–${n(max)})` : n(median)
}
