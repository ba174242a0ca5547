import { CITY, districtOf } from '@xinfang/shared/places'

export type WarnLevel = 'local' | 'district' | 'city'

export interface WarningRules {
  /** ascending by count */
  thresholds: { count: number; level: WarnLevel }[]
  burst: { count: number; windowMs: number }
  ipSurge: { count: number; windowMs: number }
}

const rate = (text: string) => {
  const [count, seconds] = text.split('/').map(Number) as [number, number]
  return { count, windowMs: seconds * 1000 }
}

/** From the validated COSIGN_* settings, e.g. `5:local,30:district,100:city` and `20/600`. */
export function parseWarningRules(settings: { thresholds: string; burst: string; ipSurge: string }): WarningRules {
  const thresholds = settings.thresholds
    .split(',')
    .map((part) => {
      const [count, level] = part.split(':') as [string, WarnLevel]
      return { count: Number(count), level }
    })
    .sort((a, b) => a.count - b.count)
  return { thresholds, burst: rate(settings.burst), ipSurge: rate(settings.ipSurge) }
}

/** The petition office a warning goes to: the case's own street (or district), its district, or the city. */
export function warnedRegion(level: WarnLevel, place: string | null): string {
  if (level === 'city' || !place) return CITY
  if (level === 'district') return districtOf(place) ?? CITY
  // a street, community or grid case warns its street office
  const [district, street] = place.split('.')
  return street ? `${district}.${street}` : place
}

/** The threshold a signature count has just reached, if any: counts move by one, so equality is crossing. */
export const thresholdReached = (rules: WarningRules, count: number) => rules.thresholds.find((t) => t.count === count) ?? null
