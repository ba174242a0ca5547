import { isUnitCode, unitName } from './catalog'
import { CITY, districtOf, fullPlaceName, placeLevel } from './places'

/**
 * The name residents know an office by: a unit at a level of the jurisdiction tree.
 * 信访局 at a district is that district's own office (金水区信访局); at a street it is the
 * street's petition desk (金水区花园路街道信访办); a department at a district is the
 * district's counterpart (金水区住房和城乡建设局).
 */
export function orgName(unit: string, region: string): string {
  const base = isUnitCode(unit) ? unitName(unit) : unit
  if (region === CITY) return base
  const place = fullPlaceName(region) ?? region
  const level = placeLevel(region)
  if (unit === 'petition') return level === 'district' ? `${place}信访局` : `${place}信访办`
  if (level === 'district' && base.startsWith('郑州市')) return base.replace('郑州市', place)
  return `${base}（${fullPlaceName(districtOf(region) ?? region) ?? place}）`
}
