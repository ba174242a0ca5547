import type { AssignTarget } from '@xinfang/shared/contracts/cases'
import { presentAt } from '@xinfang/shared/counterparts'
import { orgName } from '@xinfang/shared/org'
import { isKnownPlace, isWithin, placeLevel, placeName } from '@xinfang/shared/places'
import { AppError } from '../../lib/app-error'
import type { StaffActor } from '../../plugins/auth'
import type { CaseContext } from './case-context'
import type { AssignmentRow, CaseRow } from './case-repository'
import { placeOfCase } from './case-facts'

export interface ResolvedTarget {
  unitCode: string
  regionCode: string
  staffId: string | null
  role: 'lead' | 'verify'
  name: string
}

const related = (a: string | null, b: string) => a === null || isWithin(a, b) || isWithin(b, a)

/**
 * Checks that an office may hand the case to this target and names it. A unit at the actor's
 * level or below (at a district, only its counterpart there: shared/src/counterparts.ts); a
 * petition office below the actor's level, where the case is; a grid member in the actor's
 * jurisdiction, where the case is.
 */
export async function resolveTarget(ctx: CaseContext, actor: StaffActor, row: CaseRow, target: AssignTarget): Promise<ResolvedTarget> {
  const place = placeOfCase(row)
  const invalid = () => new AppError('ASSIGNEE_INVALID')
  switch (target.kind) {
    case 'unit': {
      if (target.unit === 'petition' || !presentAt(target.unit, target.region) || !isWithin(target.region, actor.region) || !related(place, target.region)) throw invalid()
      return { unitCode: target.unit, regionCode: target.region, staffId: null, role: 'lead', name: orgName(target.unit, target.region) }
    }
    case 'office': {
      const below = target.region !== actor.region && isWithin(target.region, actor.region)
      const level = placeLevel(target.region)
      if (!isKnownPlace(target.region) || !below || (level !== 'district' && level !== 'street' && level !== 'community') || !related(place, target.region)) throw invalid()
      return { unitCode: 'petition', regionCode: target.region, staffId: null, role: 'lead', name: orgName('petition', target.region) }
    }
    case 'grid': {
      const member = await ctx.staff.findById(target.staffId)
      if (!member?.active || member.role !== 'grid' || !isWithin(member.regionCode, actor.region) || !related(place, member.regionCode)) throw invalid()
      return { unitCode: member.unitCode, regionCode: member.regionCode, staffId: member.id, role: 'verify', name: `${placeName(member.regionCode) ?? ''}网格员${member.name}` }
    }
  }
}

/** Hands the case on; `replace` ends whoever leads it now, a co-owner too (改派), and a real assignment ends triage. */
export async function assignTo(ctx: CaseContext, actor: StaffActor, row: CaseRow, current: AssignmentRow[], target: ResolvedTarget, options: { replace: boolean; now: Date }) {
  const same = current.find((a) => a.unitCode === target.unitCode && a.regionCode === target.regionCode && a.staffId === target.staffId)
  if (same) throw new AppError('ASSIGNEE_INVALID', `已经交办给${target.name}了`)
  if (target.role === 'lead') {
    for (const a of current) {
      if (a.role === 'triage' || (options.replace && (a.role === 'lead' || a.role === 'co_owner'))) await ctx.cases.updateAssignment(a.id, { endedAt: options.now, endReason: options.replace ? 'reassigned' : 'triaged' })
    }
  }
  await ctx.cases.insertAssignments([
    { caseId: row.id, unitCode: target.unitCode, regionCode: target.regionCode, staffId: target.staffId, role: target.role, ruleId: null, assignedBy: actor.id, dispatchRegion: actor.region, assignedAt: options.now },
  ])
}
