import { isUnitCode, regionOf, unitName } from './catalog'
import { counterpartAt, type CounterpartForm } from './counterparts'
import { CITY, districtOf, fullPlaceName, placeLevel } from './places'

const CITY_PREFIX = /^郑州市/

/** A counterpart's name from the city unit's: the district's own bureau, or the city unit's branch there. */
const NAMED: Record<CounterpartForm, (base: string, region: string) => string> = {
  bureau: (base, region) => base.replace(CITY_PREFIX, fullPlaceName(region) ?? region),
  branch: (base, region) => `${base}${regionOf(region)?.short ?? region}分局`,
}

/**
 * The name residents know an office by: a unit at a level of the jurisdiction tree.
 * 信访局 at a district is that district's own office (金水区信访局); at a street it is the
 * street's petition desk (金水区花园路街道信访办); a department at a district is its counterpart
 * there (金水区住房和城乡建设局, 郑州市公安局金水分局; shared/src/counterparts.ts); a unit with
 * none there is the city unit, with the place it acts in.
 */
export function orgName(unit: string, region: string): string {
  const base = isUnitCode(unit) ? unitName(unit) : unit
  if (region === CITY) return base
  const place = fullPlaceName(region) ?? region
  if (unit === 'petition') return placeLevel(region) === 'district' ? `${place}信访局` : `${place}信访办`
  const form = counterpartAt(unit, region)
  if (form) return NAMED[form](base, region)
  return `${base}（${fullPlaceName(districtOf(region) ?? region) ?? place}）`
}
