import type { CaseStatus } from '@xinfang/shared/case-status'
import { AppError } from '../../lib/app-error'
import type { Actor } from '../../plugins/auth'
import type { CaseFacts } from '../policy/action-policy'
import { canSeeCase } from '../policy/case-policy'
import type { CaseContext } from './case-context'
import type { AssignmentRow, CaseRow } from './case-repository'

export interface LoadedCase {
  row: CaseRow
  assignments: AssignmentRow[]
}

export const placeOfCase = (row: CaseRow) => row.streetCode ?? row.regionCode

/**
 * The case as `actor` may see it, or CASE_NOT_FOUND: someone else's case is indistinguishable
 * from one that does not exist, so ids cannot be probed.
 */
export async function loadVisible(ctx: CaseContext, actor: Actor, id: string): Promise<LoadedCase> {
  const loaded = await findVisible(ctx, actor, id)
  if (!loaded) throw new AppError('CASE_NOT_FOUND')
  return loaded
}

/** The case if `actor` may see it, else null: for searches, where not finding is an answer. */
export async function findVisible(ctx: CaseContext, actor: Actor, id: string): Promise<LoadedCase | null> {
  const row = await ctx.cases.findById(id)
  if (!row) return null
  const assignments = await ctx.cases.assignmentsOf(row.id)
  return canSeeCase(actor, { ownerId: row.ownerId, place: placeOfCase(row), assignments }) ? { row, assignments } : null
}

export const loadVisibleCase = async (ctx: CaseContext, actor: Actor, id: string): Promise<CaseRow> => (await loadVisible(ctx, actor, id)).row

/** What the action rules read about a case, gathered once per request. */
export async function caseFacts(ctx: CaseContext, { row, assignments }: LoadedCase): Promise<CaseFacts> {
  const requester = row.extensionStatus === 'pending' && row.extensionRequestedBy ? await ctx.staff.findById(row.extensionRequestedBy) : null
  return {
    ownerId: row.ownerId,
    place: placeOfCase(row),
    status: row.status as CaseStatus,
    assignments: assignments.map((a) => ({
      id: a.id,
      unitCode: a.unitCode,
      regionCode: a.regionCode,
      staffId: a.staffId,
      role: a.role,
      dispatchRegion: a.dispatchRegion,
      assignedAt: a.assignedAt,
      objectedAt: a.objectedAt,
      objectionPending: a.objectedAt !== null && a.objectionDecidedAt === null,
    })),
    infoPending: row.infoRequestedAt !== null,
    pendingExtension: requester ? { staffId: requester.id, unit: requester.unitCode, region: requester.regionCode } : null,
    extensionUsed: row.extensionStatus !== null,
    reviewRegion: row.reviewRegion,
  }
}
