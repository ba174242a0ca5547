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

export interface DispatchDecision {
  rule: DispatchRule | null
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
 * Decides where a new case goes. The winning rule names the handling unit; the region's own
 * petition office (the city's when no region is known) is always assigned beside it: jointly
 * accountable for a livelihood-zone case (一案双交), overseeing otherwise. A case no rule fits
 * goes to the city petition office to be sorted by hand.
 */
export function decideDispatch(rules: readonly DispatchRule[], input: DispatchInput): DispatchDecision {
  const rule =
    rules
      .filter((r) => matches(r, input))
      .sort((a, b) => specificity(b) - specificity(a) || b.priority - a.priority || a.id.localeCompare(b.id))[0] ?? null
  if (!rule) return { rule: null, assignments: [{ unit: 'petition', region: CITY, role: 'triage', ruleId: null }] }
  const office = { unit: 'petition', region: input.region ?? CITY, role: input.zone ? 'territorial' : 'oversight', ruleId: rule.id } as const
  const lead = { unit: rule.unitCode, region: CITY, role: 'lead', ruleId: rule.id } as const
  // the petition office can be the lead itself (appeals about handling); one assignment then
  const sameOrg = lead.unit === office.unit && lead.region === office.region
  return { rule, assignments: sameOrg ? [lead] : [lead, office] }
}
