import { HANDLING_ROLES } from '@xinfang/shared/timeline'
import type { CaseContext } from '../modules/cases/case-context'
import { ACTING_STAFF_ROLES, type NoticeTarget } from '../modules/notifications/staff-notices'

/** The assignments that hold a case: its handlers (a co-owner too) and a triage office; not oversight, not a grid member checking the facts. */
const HOLDING_ROLES = new Set([...HANDLING_ROLES, 'triage'])

/** Whoever holds the case now, as the targets of a deadline notice. */
export const holdersOf = async (ctx: CaseContext, caseId: string): Promise<NoticeTarget[]> =>
  (await ctx.cases.assignmentsOf(caseId))
    .filter((a) => HOLDING_ROLES.has(a.role))
    .map((a) => ({ unit: a.unitCode, region: a.regionCode, roles: ACTING_STAFF_ROLES }))
