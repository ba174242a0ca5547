import type { CaseCreated, CreateCaseBody } from '@xinfang/shared/contracts/cases'
import { dueDate } from '@xinfang/shared/deadlines'
import { CONTENT_MIN, textLength } from '@xinfang/shared/limits'
import { maskPhone } from '@xinfang/shared/masking'
import { districtOf, isKnownPlace, placeLevel } from '@xinfang/shared/places'
import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import { describeIssue } from '@xinfang/shared/validation-messages'
import { AppError } from '../../lib/app-error'
import { newTimeOrderedId, newTrackingNo } from '../../lib/ids'
import type { ResidentActor } from '../../plugins/auth'
import { DISPATCH_LEVEL_NOTES } from '@xinfang/shared/handling-plan'
import { ZONE_RULES } from '@xinfang/shared/zone-rules'
import { decideDispatch } from '../dispatch/dispatcher'
import { forwardToHeating } from '../zones/heating-link'
import { zoneIntakeOf, type ZoneIntake } from '../zones/zone-intake'
import { routeSubmission } from './content-routing'
import type { CaseContext } from './case-context'
import { assignmentView, deadlinesView, zoneClockView } from './case-views'
import { clockState, UNSTARTED } from './running-clock'

const TITLE_LENGTH = 24
const MAX_VOICE_NOTES = 1
const HOUR_MS = 3_600_000

/**
 * A street (or community, grid) must exist and lie in the chosen district; it implies the district.
 * A resident who chose no place takes the place of the housing project or heat station they chose.
 */
function placeOf(body: CreateCaseBody, picked: ZoneIntake['place']): { region: string | null; street: string | null } {
  if (!body.street && !body.region && picked) return { region: picked.region, street: picked.street }
  if (!body.street) return { region: body.region ?? null, street: null }
  const level = placeLevel(body.street)
  const district = districtOf(body.street)
  const valid = isKnownPlace(body.street) && level !== 'city' && level !== 'district' && (!body.region || district === body.region)
  if (!valid) throw new AppError('VALIDATION_FAILED', '「所在街道」不在所选区县内，请重新选择', [{ field: 'street', reason: 'unknown or outside region' }])
  return { region: district, street: body.street }
}

function titleOf(body: CreateCaseBody): string {
  if (body.title?.trim()) return body.title.trim()
  const firstLine = body.content.trim().split(/\r?\n/)[0] ?? ''
  return firstLine.length > TITLE_LENGTH ? `${firstLine.slice(0, TITLE_LENGTH)}…` : firstLine
}

async function uniqueTrackingNo(ctx: CaseContext): Promise<string> {
  // 10^11 numbers: a clash is rare, but a unique index would turn one into a 500
  for (;;) {
    const candidate = newTrackingNo()
    if ((await ctx.cases.idByTrackingNo(candidate)) === null) return candidate
  }
}

/**
 * Registers a resident's case and dispatches it in the same transaction: the case, its
 * assignments, its first timeline entries and its attachments appear together or not at all.
 * A category in a livelihood zone makes it a zone case, with the zone's clocks; a zone's own form
 * (zones/zone-intake.ts) also says which clock, what the case is about and where.
 */
export async function submitCase(ctx: CaseContext, actor: ResidentActor, body: CreateCaseBody, kind: 'individual' | 'joint' = 'individual'): Promise<CaseCreated> {
  const content = body.content.trim()
  // the schema counted the untrimmed text; count the trimmed one as the form does, in its words
  if (textLength(content) < CONTENT_MIN) {
    throw new AppError('VALIDATION_FAILED', describeIssue({ keyword: 'minLength', instancePath: '/content', params: { limit: CONTENT_MIN } }), [{ field: 'content', reason: 'too short' }])
  }
  // a zone's own form decides the clock and, by its matter, the category
  const intake = await zoneIntakeOf(ctx.zones, body, ctx.clock.now())
  // the assistant reads the text before the transaction: it needs no database and holds no lock
  const chosen = { category: intake?.category ?? body.category ?? null, zone: body.zone ?? null, ...placeOf(body, intake?.place ?? null) }
  const { category, zone, region, street, assisted } = routeSubmission(ctx.assistant, content, chosen)
  const triage = zone ? (intake?.triage ?? 'complex') : null

  // the rules are the process's cache, read again only when another connection may have changed them
  const rules = await ctx.rules.active(ctx.q)

  return ctx.transaction(async (ctx) => {
    const attachmentIds = body.attachments ?? []
    const attachments = await ctx.files.findAttachable(attachmentIds, { type: 'resident', id: actor.id })
    if (attachments.length !== attachmentIds.length) throw new AppError('ATTACHMENT_INVALID')
    if (attachments.filter((f) => f.kind === 'audio').length > MAX_VOICE_NOTES) {
      throw new AppError('ATTACHMENT_INVALID', '每件诉求只能附一段语音')
    }

    const now = ctx.clock.now()
    const fields = {
      id: newTimeOrderedId('c', now),
      trackingNo: await uniqueTrackingNo(ctx),
      kind,
      ownerId: actor.id,
      title: titleOf(body),
      content,
      category,
      zone,
      zoneTriage: triage,
      regionCode: region,
      streetCode: street,
      address: body.address?.trim() || null,
      latitude: body.location?.latitude ?? null,
      longitude: body.location?.longitude ?? null,
      contactPhoneEnc: body.contactPhone ? ctx.pii.encrypt(body.contactPhone) : null,
      contactPhoneHash: body.contactPhone ? ctx.pii.hash(body.contactPhone) : null,
      contactPhoneMasked: body.contactPhone ? maskPhone(body.contactPhone) : null,
      anonymous: body.anonymous ?? false,
      status: 'registered' as const,
      registeredAt: now,
      acceptDue: dueDate('accept', now),
      respondDue: triage === 'simple' ? new Date(now.getTime() + HOUR_MS) : null,
      replyDue: triage === 'complex' ? dueDate('zoneComplex', now) : null,
      updatedAt: now,
    }
    const row = await ctx.cases.insert({ ...fields, ...clockState({ ...UNSTARTED, ...fields }) })
    await ctx.files.attach(attachmentIds, row.id)
    if (intake) {
      const { ask, projectId, stationCode, employer, matter, form } = intake
      await ctx.zones.insertZoneCase({ caseId: row.id, zone: intake.zone, ask, projectId, stationCode, employer, matter, form, createdAt: now })
    }

    const decision = decideDispatch(rules, { zone, category, region })
    const assignments = await ctx.cases.insertAssignments(
      decision.assignments.map((a) => ({ caseId: row.id, unitCode: a.unit, regionCode: a.region, role: a.role, ruleId: a.ruleId, assignedAt: now })),
    )
    const views = assignments.map((a) => assignmentView(a))
    await ctx.cases.addEvents([
      { caseId: row.id, at: now, actorType: 'resident', actorId: actor.id, actorLabel: '群众', action: 'submitted', toStatus: 'registered', note: null, data: { attachments: attachmentIds.length } },
      {
        caseId: row.id,
        at: now,
        actorType: 'system',
        actorLabel: '系统',
        action: decision.rule ? 'dispatched' : 'triaged',
        note: [
          assisted?.note,
          decision.rule
            ? `按规则（${decision.rule.description}）派发：${views.map((a) => `${a.unitName}（${a.roleLabel}）`).join('、')}`
            : assisted
              ? '转市信访局人工分办'
              : '没有匹配的派发规则，转市信访局人工分办',
          decision.level && DISPATCH_LEVEL_NOTES[decision.level],
        ]
          .filter(Boolean)
          .join('，'),
        data: { ruleId: decision.rule?.id ?? null, level: decision.level, assignments: views.map(({ unit, region, role }) => ({ unit, region, role })), assistant: assisted?.data ?? null },
      },
    ])
    // a zone whose lead unit takes cases in its own system (heating) gets it at once, through the outbox
    if (zone && ZONE_RULES[zone].directLink === 'heating') await forwardToHeating(ctx, row, now)
    return {
      id: row.id,
      trackingNo: formatTrackingNo(row.trackingNo),
      status: 'registered',
      assignments: views,
      deadlines: deadlinesView(row),
      zoneClock: zoneClockView(row),
      jointSuggested: intake?.jointSuggested ?? false,
    }
  })
}
