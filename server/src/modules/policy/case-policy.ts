import { CITY, isWithin } from '@xinfang/shared/places'
import type { Actor, StaffActor } from '../../plugins/auth'

/** Who holds a case now: an active assignment. Ended ones (reassigned, objection upheld) give no access. */
export interface HeldBy {
  unitCode: string
  regionCode: string
  /** a grid member asked to check the facts */
  staffId: string | null
}

/** Where a case sits and who holds it: all visibility needs to know about it. */
export interface CaseScope {
  ownerId: string
  place: string | null
  assignments: readonly HeldBy[]
}

const ROLES_WITH_JURISDICTION = new Set(['office', 'supervisor', 'leader', 'admin', 'grid'])

/** The case's place lies in the actor's jurisdiction; a case with no place belongs to the city. */
export const inJurisdiction = (actor: StaffActor, place: string | null) => actor.region === CITY || (place !== null && isWithin(place, actor.region))

/**
 * The actor's unit holds this assignment at their level or below; a unit at a district also holds
 * what its city-level counterpart holds in that district.
 */
export const unitHolds = (actor: StaffActor, a: HeldBy, place: string | null) =>
  a.staffId === null && a.unitCode === actor.unit && (isWithin(a.regionCode, actor.region) || (isWithin(actor.region, a.regionCode) && inJurisdiction(actor, place)))

/**
 * A staff member sees a case that lies in their jurisdiction's subtree (city > district >
 * street > community > grid), that their unit holds, or that was handed to them in person.
 */
export function staffCanSee(actor: StaffActor, scope: CaseScope): boolean {
  if (ROLES_WITH_JURISDICTION.has(actor.role) && inJurisdiction(actor, scope.place)) return true
  return scope.assignments.some((a) => a.staffId === actor.id || unitHolds(actor, a, scope.place))
}

/** Residents see their own cases only; staff by jurisdiction and assignment. */
export function canSeeCase(actor: Actor, scope: CaseScope): boolean {
  return actor.type === 'resident' ? actor.id === scope.ownerId : staffCanSee(actor, scope)
}
