import { handlingPlan, type DispatchLevel, type MatterAt, type PlannedHolder } from '@xinfang/shared/handling-plan'
import { CITY } from '@xinfang/shared/places'

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

export type DispatchInput = MatterAt

export interface PlannedAssignment extends PlannedHolder {
  ruleId: string | null
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
  const { level, assignments } = handlingPlan(rule.unitCode, input)
  // the petition office can be the handler itself (appeals about handling): one assignment then
  const held = assignments.filter((a, i) => assignments.findIndex((b) => b.unit === a.unit && b.region === a.region) === i)
  return { rule, level, assignments: held.map((a) => ({ ...a, ruleId: rule.id })) }
}
