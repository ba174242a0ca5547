import { CATEGORIES } from '@xinfang/shared/categories'
import { unitName, ZONES } from '@xinfang/shared/catalog'
import type { DispatchRule } from './dispatcher'

/**
 * The rules a fresh installation starts with, derived from the catalog contract: each
 * category goes to its unit; a zone case with no more specific category goes to the zone's
 * lead unit. A category is more specific than a zone, so a 政法服务 case about fraud still
 * goes to the police. Offices edit the table afterwards; these only fill an empty one.
 */
export function defaultDispatchRules(): DispatchRule[] {
  const byCategory = CATEGORIES.flatMap((category) =>
    category.unit
      ? [{
          id: `category:${category.code}`,
          priority: 20,
          zone: null,
          category: category.code,
          regionCode: null,
          unitCode: category.unit,
          description: `「${category.name}」类交${unitName(category.unit)}`,
        }]
      : [],
  )
  const byZone = ZONES.map((zone) => ({
    id: `zone:${zone.code}`,
    priority: 10,
    zone: zone.code,
    category: null,
    regionCode: null,
    unitCode: zone.lead,
    description: `民生专区「${zone.name}」交牵头单位${unitName(zone.lead)}`,
  }))
  return [...byCategory, ...byZone]
}
