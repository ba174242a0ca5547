import { transition, type CaseStatus } from '@xinfang/shared/case-status'
import type { StaffActionName } from '@xinfang/shared/contracts/cases'
import { ActionBodySchemas } from '@xinfang/shared/contracts/cases'
import { addWorkingDays, CLOCKS } from '@xinfang/shared/deadlines'
import type { ErrorCode } from '@xinfang/shared/errors'
import { CITY, isWithin } from '@xinfang/shared/places'
import { HANDLING_ROLES } from '@xinfang/shared/timeline'
import type { StaffActor } from '../../plugins/auth'
import { inJurisdiction, unitHolds, type CaseScope, type HeldBy } from './case-policy'

/** An active assignment with what the action rules need beyond visibility. */
export interface Holding extends HeldBy {
  /** the assignment's row id, so a step can change the very row a rule chose */
  id: number
  role: string
  dispatchRegion: string
  assignedAt: Date
  objectedAt: Date | null
  objectionPending: boolean
}

/** Everything about a case the action rules read. The service gathers it; the rules stay pure. */
export interface CaseFacts extends CaseScope {
  status: CaseStatus
  assignments: readonly Holding[]
  infoPending: boolean
  /** a pending extension and who asked for it */
  pendingExtension: { staffId: string; unit: string; region: string } | null
  extensionUsed: boolean
  /** the level that decided the review (复查): a re-review (复核) goes to the level above it */
  reviewRegion: string | null
}

export type Verdict = { ok: true } | { ok: false; code: ErrorCode }

const OK: Verdict = { ok: true }
const no = (code: ErrorCode): Verdict => ({ ok: false, code })

/** The actor's own organisation holds the case as lead, co-owner or territorial unit (not oversight). */
function holdsAsHandler(actor: StaffActor, facts: CaseFacts): boolean {
  return facts.assignments.some((a) => HANDLING_ROLES.has(a.role) && unitHolds(actor, a, facts.place))
}

/** A petition office acts on what lies in its jurisdiction; a unit only on what it holds. */
function mayHandle(actor: StaffActor, facts: CaseFacts): boolean {
  if (actor.role === 'office') return inJurisdiction(actor, facts.place) || facts.assignments.some((a) => unitHolds(actor, a, facts.place))
  if (actor.role === 'handler') return holdsAsHandler(actor, facts)
  if (actor.role === 'grid') return inJurisdiction(actor, facts.place) || facts.assignments.some((a) => a.staffId === actor.id)
  return true
}

/** The assignment this actor would object to: their own unit's, not yet objected to. */
export function objectableHolding(actor: StaffActor, facts: CaseFacts): Holding | undefined {
  return facts.assignments.find((a) => HANDLING_ROLES.has(a.role) && a.objectedAt === null && unitHolds(actor, a, facts.place) && (actor.role !== 'office' || a.regionCode === actor.region))
}

const strictlyAbove = (upper: string, lower: string) => upper !== lower && isWithin(lower, upper)

/**
 * Rules beyond role and state, each the regulation's or the organisation's: who holds the case,
 * who dispatched it, who is the level above. `now` matters for the objection window only.
 */
const EXTRA_RULES: Partial<Record<StaffActionName, (actor: StaffActor, facts: CaseFacts, now: Date) => Verdict>> = {
  object: (actor, facts, now) => {
    const holding = objectableHolding(actor, facts)
    if (!holding) return no('NOT_HOLDER')
    return now.getTime() <= addWorkingDays(holding.assignedAt, CLOCKS.objection.amount).getTime() ? OK : no('OBJECTION_WINDOW_CLOSED')
  },
  decide_objection: (actor, facts) => {
    const objected = facts.assignments.filter((a) => a.objectionPending)
    if (objected.length === 0) return no('OBJECTION_PENDING')
    // the office that dispatched it decides, or one above it
    return decidableObjections(actor, facts).length > 0 ? OK : no('FORBIDDEN')
  },
  request_extension: (_actor, facts) => (facts.extensionUsed ? no('EXTENSION_ONCE') : OK),
  decide_extension: (actor, facts) => {
    const requester = facts.pendingExtension
    if (!requester) return no('EXTENSION_NOT_PENDING')
    if (actor.unit !== 'petition' || requester.staffId === actor.id) return no('APPROVER_NOT_ABOVE')
    // a street's request goes to the district; a department's to the petition office at its level or
    // above; a leader stands above every office of their jurisdiction, their own level's included
    const above =
      strictlyAbove(actor.region, requester.region) || ((requester.unit !== 'petition' || actor.role === 'leader') && isWithin(requester.region, actor.region))
    return above ? OK : no('APPROVER_NOT_ABOVE')
  },
  request_info: (_actor, facts) => (facts.infoPending ? no('INFO_PENDING') : OK),
  report_verification: (actor, facts) => (facts.assignments.some((a) => a.staffId === actor.id) ? OK : no('NOT_HOLDER')),
  accept_rereview: (actor, facts) => rereviewLevel(actor, facts),
  decide_rereview: (actor, facts) => rereviewLevel(actor, facts),
}

/** 复核 is decided by the level above the one that decided the review; the city reviews its own. */
function rereviewLevel(actor: StaffActor, facts: CaseFacts): Verdict {
  const reviewer = facts.reviewRegion ?? CITY
  return reviewer === CITY ? (actor.region === CITY ? OK : no('FORBIDDEN')) : strictlyAbove(actor.region, reviewer) ? OK : no('FORBIDDEN')
}

/**
 * May `actor` take `action` on this case now? Role first (a refusal does not reveal the state),
 * then the state, then whether they hold the case, then the action's own rule. The caller has
 * already checked that the actor can see the case at all.
 */
export function authorize(actor: StaffActor, action: StaffActionName, facts: CaseFacts, now: Date): Verdict {
  const result = transition(facts.status, action, actor.role)
  if (!result.ok) return no(result.reason === 'forbidden_role' ? 'FORBIDDEN' : 'INVALID_TRANSITION')
  if (!mayHandle(actor, facts)) return no('NOT_HOLDER')
  return EXTRA_RULES[action]?.(actor, facts, now) ?? OK
}

const STAFF_ACTIONS = Object.keys(ActionBodySchemas) as StaffActionName[]

/** The actions the workbench offers this person on this case: exactly those that would succeed. */
/** The objections this office may decide: on assignments it (or an office below it) dispatched. */
export const decidableObjections = (actor: StaffActor, facts: CaseFacts): Holding[] =>
  facts.assignments.filter((a) => a.objectionPending && isWithin(a.dispatchRegion, actor.region))

export const permittedActions = (actor: StaffActor, facts: CaseFacts, now: Date): StaffActionName[] =>
  STAFF_ACTIONS.filter((action) => authorize(actor, action, facts, now).ok)
