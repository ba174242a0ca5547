import { CITY, isWithin } from '@xinfang/shared/places'
import type { Actor, StaffActor } from '../../plugins/auth'

/** Where a case sits and who holds it: all the policy needs to know about it. */
export interface CaseScope {
  ownerId: string
  place: string | null
  assignments: readonly { unitCode: string; regionCode: string }[]
}

const ROLES_WITH_JURISDICTION = new Set(['office', 'supervisor', 'leader', 'admin', 'grid'])

/**
 * A staff member sees a case that lies in their jurisdiction's subtree (city > district >
 * street > community > grid), or that their unit holds at their level or below; a unit at a
 * district also sees what its city-level counterpart holds in that district.
 */
export function staffCanSee(actor: StaffActor, scope: CaseScope): boolean {
  const inJurisdiction = (place: string | null) => actor.region === CITY || (place !== null && isWithin(place, actor.region))
  if (ROLES_WITH_JURISDICTION.has(actor.role) && inJurisdiction(scope.place)) return true
  return scope.assignments.some(
    (a) => a.unitCode === actor.unit && (isWithin(a.regionCode, actor.region) || (isWithin(actor.region, a.regionCode) && inJurisdiction(scope.place))),
  )
}

/** Residents see their own cases only; staff by jurisdiction and assignment. */
export function canSeeCase(actor: Actor, scope: CaseScope): boolean {
  return actor.type === 'resident' ? actor.id === scope.ownerId : staffCanSee(actor, scope)
}
