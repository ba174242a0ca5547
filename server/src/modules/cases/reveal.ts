import type { RevealBody, RevealResult } from '@xinfang/shared/contracts/workbench'
import { AppError } from '../../lib/app-error'
import type { StaffActor } from '../../plugins/auth'
import type { CaseContext } from './case-context'
import { loadVisibleCase } from './case-facts'

/** Who may ever see a resident's data in full; supervisors and admins work from figures, not people. */
const REVEAL_ROLES = new Set(['office', 'handler', 'grid', 'leader'])
/** On an anonymous case only the petition office may learn who it is (to protect the resident). */
const REVEAL_ANONYMOUS = new Set(['office'])

/**
 * One full value of a resident's personal data, on an explicit tap. The view and its audit
 * record commit together: there is no way to see it without leaving a trace.
 */
export async function revealPii(ctx: CaseContext, actor: StaffActor, caseId: string, body: RevealBody, ip: string): Promise<RevealResult> {
  return ctx.transaction(async (ctx) => {
    const row = await loadVisibleCase(ctx, actor, caseId)
    if (!REVEAL_ROLES.has(actor.role) || (row.anonymous && !REVEAL_ANONYMOUS.has(actor.role))) throw new AppError('REVEAL_NOT_ALLOWED')
    const resident = body.field === 'contactPhone' ? null : await ctx.residents.findById(row.ownerId)
    const stored = {
      contactPhone: row.contactPhoneEnc,
      residentPhone: resident?.phoneEnc,
      residentName: resident?.nameEnc,
      residentIdNumber: resident?.idNumberEnc,
    }[body.field]
    const auditId = await ctx.audit.record({ at: ctx.clock.now(), staffId: actor.id, action: 'reveal_pii', caseId: row.id, field: body.field, reason: body.reason?.trim() || null, ip })
    return { field: body.field, value: stored ? ctx.pii.decrypt(stored) : null, auditId }
  })
}
