import { isRegionCode } from '@xinfang/shared/catalog'
import { counterpartAt } from '@xinfang/shared/counterparts'
import { matterLevel } from '@xinfang/shared/matter-levels'
import { CITY } from '@xinfang/shared/places'
import type { AssignmentRole } from '@xinfang/shared/timeline'

export interface DispatchRule {
  id: string
  priority: number
  zone: string | null
  category: string | null
  /** a district code; null applies everywhere */
  regionCode: string | null
  unitCode: string
  description: string
}

export interface DispatchInput {
  zone: string | null
  category: string | null
  region: string | null
}

export interface PlannedAssignment {
  unit: string
  region: string
  role: AssignmentRole
  ruleId: string | null
}

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

export interface DispatchDecision {
  rule: DispatchRule | null
  level: DispatchLevel | null
  assignments: PlannedAssignment[]
}

const matches = (rule: DispatchRule, input: DispatchInput) =>
  (rule.zone !== null || rule.category !== null) &&
  (rule.zone === null || rule.zone === input.zone) &&
  (rule.category === null || rule.category === input.category) &&
  (rule.regionCode === null || rule.regionCode === input.region)

/** More conditions met is more specific; among equals the higher priority, then the id, wins. */
const specificity = (rule: DispatchRule) => [rule.category, rule.zone, rule.regionCode].filter((v) => v !== null).length

type Planned = Omit<PlannedAssignment, 'ruleId'>

/**
 * Who holds a case the rule gives to `unit`. The district's own petition office (the city's when no
 * district is known) stands beside the handler: jointly accountable in a livelihood zone (一案双交),
 * overseeing otherwise. A zone case keeps exactly that pair, with the city unit as lead where it has
 * no counterpart in the district: the district office is accountable already, and the zone's clocks
 * name one lead unit.
 */
function plan(unit: string, input: DispatchInput): { level: DispatchLevel; assignments: Planned[] } {
  const district = input.region !== null && isRegionCode(input.region) ? input.region : null
  const office: Planned = { unit: 'petition', region: district ?? CITY, role: input.zone ? 'territorial' : 'oversight' }
  const atCity: Planned = { unit, region: CITY, role: 'lead' }
  if (!district || matterLevel(input) === 'city') return { level: 'city', assignments: [atCity, office] }
  if (counterpartAt(unit, district)) return { level: 'counterpart', assignments: [{ unit, region: district, role: 'lead' }, office] }
  if (input.zone) return { level: 'city', assignments: [atCity, office] }
  return { level: 'district_office', assignments: [{ unit: 'petition', region: district, role: 'lead' }, { unit, region: CITY, role: 'co_owner' }] }
}

/**
 * Decides where a new case goes. The winning rule names the handling unit; the matter's level
 * (shared/src/matter-levels.ts) and the unit's counterparts (shared/src/counterparts.ts) decide
 * whether the city unit or the district acts. A case no rule fits goes to the city petition office
 * to be sorted by hand.
 */
export function decideDispatch(rules: readonly DispatchRule[], input: DispatchInput): DispatchDecision {
  const rule =
    rules
      .filter((r) => matches(r, input))
      .sort((a, b) => specificity(b) - specificity(a) || b.priority - a.priority || a.id.localeCompare(b.id))[0] ?? null
  if (!rule) return { rule: null, level: null, assignments: [{ unit: 'petition', region: CITY, role: 'triage', ruleId: null }] }
  const { level, assignments } = plan(rule.unitCode, input)
  // the petition office can be the handler itself (appeals about handling): one assignment then
  const held = assignments.filter((a, i) => assignments.findIndex((b) => b.unit === a.unit && b.region === a.region) === i)
  return { rule, level, assignments: held.map((a) => ({ ...a, ruleId: rule.id })) }
}
