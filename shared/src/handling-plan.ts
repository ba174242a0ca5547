import { isRegionCode } from './catalog'
import { counterpartAt } from './counterparts'
import { matterLevel } from './matter-levels'
import { CITY } from './places'
import type { AssignmentRole } from './timeline'

/**
 * At which level the case landed: `city`, the city unit (a city-level matter, or no district
 * known); `counterpart`, the unit's counterpart in the district; `district_office`, the district's
 * petition office, with the city unit as co-owner, for a local matter the unit has nobody for there.
 */
export type DispatchLevel = 'city' | 'counterpart' | 'district_office'

/** What the timeline tells the resident about the level, beside the rule and the names. */
export const DISPATCH_LEVEL_NOTES: Record<DispatchLevel, string | null> = {
  city: null,
  counterpart: '属地事项由所在区县的对口部门承办',
  district_office: '市级单位在所在区县没有对口部门，由区县信访局牵头、市级单位共同承办',
}

/** One holder of a new case: a unit at a level, in a role. */
export interface PlannedHolder {
  unit: string
  region: string
  role: AssignmentRole
}

/** What a case is about and where, as far as routing needs to know. */
export interface MatterAt {
  zone: string | null
  category: string | null
  region: string | null
}

/**
 * Who holds a case the rule gives to `unit`. The district's own petition office (the city's when no
 * district is known) stands beside the handler: jointly accountable in a livelihood zone (一案双交),
 * overseeing otherwise. A zone case keeps exactly that pair, with the city unit as lead where it has
 * no counterpart in the district: the district office is accountable already, and the zone's clocks
 * name one lead unit.
 */
export function handlingPlan(unit: string, input: MatterAt): { level: DispatchLevel; assignments: PlannedHolder[] } {
  const district = input.region !== null && isRegionCode(input.region) ? input.region : null
  const office: PlannedHolder = { unit: 'petition', region: district ?? CITY, role: input.zone ? 'territorial' : 'oversight' }
  const atCity: PlannedHolder = { unit, region: CITY, role: 'lead' }
  if (!district || matterLevel(input) === 'city') return { level: 'city', assignments: [atCity, office] }
  if (counterpartAt(unit, district)) return { level: 'counterpart', assignments: [{ unit, region: district, role: 'lead' }, office] }
  if (input.zone) return { level: 'city', assignments: [atCity, office] }
  return { level: 'district_office', assignments: [{ unit: 'petition', region: district, role: 'lead' }, { unit, region: CITY, role: 'co_owner' }] }
}

