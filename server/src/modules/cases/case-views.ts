import { STATUS_LABELS, type CaseStatus } from '@xinfang/shared/case-status'
import { calendarCovers, deadlineState } from '@xinfang/shared/deadlines'
import { placeName } from '@xinfang/shared/places'
import { DEADLINE_KEYS, type Assignment, type CaseDetail, type CaseSummary, type Deadlines, type TimelineEntry, type TrackResult } from '@xinfang/shared/contracts/cases'
import { maskName, maskPhone } from '@xinfang/shared/masking'
import { orgName } from '@xinfang/shared/org'
import { ASSIGNMENT_ROLES, REPLY_OUTCOMES, SATISFACTION, TIMELINE_ACTIONS, type AssignmentRole, type ReplyOutcome, type Satisfaction, type TimelineAction } from '@xinfang/shared/timeline'
import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import type { Actor } from '../../plugins/auth'
import type { FileRef } from '@xinfang/shared/contracts/files'
import type { ZoneClock } from '@xinfang/shared/contracts/zones'
import { ZONE_TRIAGES, type ZoneTriage } from '@xinfang/shared/zone-rules'
import type { AssignmentRow, CaseRow, EventRow, HeadlineRow, PublicEventRow, SummaryRow, TrackingRow } from './case-repository'

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const actionLabel = (action: string) => TIMELINE_ACTIONS[action as TimelineAction] ?? action

/** `people`: who holds a personal assignment, by staff id (their name is shown) */
export const assignmentView = (a: AssignmentRow, people: ReadonlyMap<string, { name: string }> = new Map()): Assignment => ({
  unit: a.unitCode,
  unitName: a.staffId ? `${placeName(a.regionCode) ?? ''}网格员` : orgName(a.unitCode, a.regionCode),
  region: a.regionCode,
  role: a.role,
  roleLabel: ASSIGNMENT_ROLES[a.role as AssignmentRole],
  ruleId: a.ruleId,
  assignee: a.staffId ? { id: a.staffId, name: people.get(a.staffId)?.name ?? '' } : null,
  assignedAt: a.assignedAt.toISOString(),
  objection: a.objectionReason && a.objectedAt && !a.objectionDecidedAt ? { reason: a.objectionReason, at: a.objectedAt.toISOString() } : null,
})

/**
 * The clock a zone case answers to and when it runs out: the hour for a simple question, 3 working
 * days for a complex one. A zone case filed before triage existed carried both clocks; its reply
 * clock is the one it answers to.
 */
export function zoneAnswerDue(row: Pick<CaseRow, 'zoneTriage' | 'respondDue' | 'replyDue'>): { triage: ZoneTriage; due: Date | null } {
  const triage = row.zoneTriage ?? 'complex'
  return { triage, due: triage === 'simple' ? row.respondDue : row.replyDue }
}

/** A zone case's answer clock as its page shows it (应答复时间). */
export function zoneClockView(row: Pick<CaseRow, 'zone' | 'zoneTriage' | 'respondDue' | 'replyDue'>): ZoneClock | null {
  if (!row.zone) return null
  const { triage, due } = zoneAnswerDue(row)
  const { label, promise } = ZONE_TRIAGES[triage]
  return due ? { triage, label, promise, answerBy: due.toISOString() } : null
}

type DeadlineFields = 'status' | 'registeredAt' | 'acceptDue' | 'respondDue' | 'replyDue' | 'satisfaction' | 'reviewRequestDue' | 'reviewRequestedAt' | 'reviewDecidedAt' | 'reviewDue' | 'rereviewRequestDue' | 'rereviewRequestedAt' | 'rereviewDue'

export const deadlinesView = (row: Pick<CaseRow, DeadlineFields>): Deadlines => {
  const shown = {
    acceptBy: row.status === 'registered' ? row.acceptDue : null,
    respondBy: row.status === 'registered' ? row.respondDue : null,
    replyBy: row.status === 'registered' || row.status === 'accepted' ? row.replyDue : null,
    reviewRequestBy:
      row.satisfaction !== 'unsatisfied' ? null : !row.reviewDecidedAt ? (row.reviewRequestedAt ? null : row.reviewRequestDue) : row.rereviewRequestedAt ? null : row.rereviewRequestDue,
    reviewBy: row.status === 'review_requested' || row.status === 'reviewing' ? row.reviewDue : row.status === 'rereview_requested' || row.status === 'rereviewing' ? row.rereviewDue : null,
  }
  // Every clock starts at or after registration, so a date whose span from registration touches
  // no unknown year was counted on a known calendar; the others are shown as provisional.
  const provisional = DEADLINE_KEYS.filter((key) => {
    const due = shown[key]
    return due !== null && !calendarCovers(row.registeredAt, due)
  })
  return {
    acceptBy: iso(shown.acceptBy),
    respondBy: iso(shown.respondBy),
    replyBy: iso(shown.replyBy),
    reviewRequestBy: iso(shown.reviewRequestBy),
    reviewBy: iso(shown.reviewBy),
    provisional,
  }
}

/** The fields a list item and public tracking share. */
const headline = (row: HeadlineRow) => ({
  trackingNo: formatTrackingNo(row.trackingNo),
  status: row.status as CaseStatus,
  statusLabel: STATUS_LABELS[row.status as CaseStatus],
  category: row.category,
  zone: row.zone,
  region: row.regionCode,
  registeredAt: row.registeredAt.toISOString(),
})

/** How it ended, in honest words: a case closed without the problem fixed never reads as fixed. */
const outcomeLabel = (row: Pick<CaseRow, 'replyOutcome'>): string | null => (row.replyOutcome ? (REPLY_OUTCOMES[row.replyOutcome as ReplyOutcome] ?? null) : null)

export const summaryView = (row: SummaryRow, now: Date): CaseSummary => ({
  id: row.id,
  title: row.title,
  kind: row.kind,
  ...headline(row),
  outcomeLabel: outcomeLabel(row),
  dueAt: iso(row.dueAt),
  deadlineState: row.dueAt ? deadlineState(row.dueAt, now) : null,
  updatedAt: row.updatedAt.toISOString(),
})

export interface StaffContact {
  name: string
  phone: string | null
}

/**
 * One timeline entry as `viewer` may see it: residents get the office and a masked name and
 * phone of the person who acted; staff see their colleagues in full.
 */
function timelineEntry(e: EventRow, viewer: Actor, staffById: ReadonlyMap<string, StaffContact>): TimelineEntry {
  const contact = e.actorType === 'staff' && e.actorId ? staffById.get(e.actorId) : undefined
  const forResident = viewer.type === 'resident'
  const person = contact ? (forResident ? maskName(contact.name) : contact.name) : e.actorLabel
  const phone = contact?.phone ? (forResident ? maskPhone(contact.phone) : contact.phone) : null
  return {
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    label: actionLabel(e.action),
    actor: { type: e.actorType, label: [e.actorUnit, person].filter(Boolean).join(' '), phone },
    fromStatus: e.fromStatus as CaseStatus | null,
    toStatus: e.toStatus as CaseStatus | null,
    note: e.note,
    data: e.data ?? null,
  }
}

export interface DetailParts {
  now: Date
  assignments: AssignmentRow[]
  allowedActions: string[]
  /** masked name and phone for staff; null for residents, and for units on an anonymous case */
  resident: CaseDetail['resident']
  events: EventRow[]
  attachments: FileRef[]
  /** the staff who acted on the timeline or hold an assignment */
  staffById: ReadonlyMap<string, StaffContact>
  /** masked already */
  contactPhone: string | null
}

export function detailView(row: CaseRow, viewer: Actor, parts: DetailParts): CaseDetail {
  return {
    ...summaryView(row, parts.now),
    content: row.content,
    street: row.streetCode,
    address: row.address,
    location: row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null,
    contactPhone: parts.contactPhone,
    anonymous: row.anonymous,
    attachments: parts.attachments,
    assignments: parts.assignments.map((a) => assignmentView(a, parts.staffById)),
    deadlines: deadlinesView(row),
    zoneClock: zoneClockView(row),
    reply:
      row.replyText && row.repliedAt
        ? { text: row.replyText, outcome: row.replyOutcome ?? 'explained', outcomeLabel: outcomeLabel(row) ?? REPLY_OUTCOMES.explained, at: row.repliedAt.toISOString() }
        : null,
    rejection: row.rejectReason && row.rejectedAt ? { reason: row.rejectReason, channel: row.rejectChannel ?? '', at: row.rejectedAt.toISOString() } : null,
    rating:
      row.satisfaction && row.ratedAt
        ? { satisfaction: row.satisfaction, label: SATISFACTION[row.satisfaction as Satisfaction], comment: row.ratingComment, at: row.ratedAt.toISOString() }
        : null,
    review: reviewView(row),
    infoRequest: row.infoQuestion && row.infoRequestedAt ? { question: row.infoQuestion, at: row.infoRequestedAt.toISOString() } : null,
    extension:
      row.extensionStatus && row.extensionRequestedAt
        ? {
            days: row.extensionDays ?? 0,
            reason: row.extensionReason ?? '',
            status: row.extensionStatus,
            requestedAt: row.extensionRequestedAt.toISOString(),
            decidedAt: iso(row.extensionDecidedAt),
            note: row.extensionNote,
          }
        : null,
    resident: parts.resident,
    timeline: parts.events.map((e) => timelineEntry(e, viewer, parts.staffById)),
    allowedActions: parts.allowedActions,
  }
}

const reviewView = (row: CaseRow): CaseDetail['review'] => {
  if (row.rereviewReason && row.rereviewRequestedAt) return { reason: row.rereviewReason, at: row.rereviewRequestedAt.toISOString(), stage: 'rereview' }
  if (row.reviewReason && row.reviewRequestedAt) return { reason: row.reviewReason, at: row.reviewRequestedAt.toISOString(), stage: 'review' }
  return null
}

/** What the owner can do next, in the words of the API routes. */
export function residentActions(row: CaseRow): string[] {
  const replied = row.status === 'replied' || row.status === 'closed'
  const unsatisfied = replied && row.satisfaction === 'unsatisfied'
  const actions: string[] = []
  if (row.infoRequestedAt) actions.push('provide_info')
  if (replied && !row.satisfaction && row.repliedAt) actions.push('rate')
  if (unsatisfied && !row.reviewDecidedAt && !row.reviewRequestedAt) actions.push('request_review')
  if (unsatisfied && row.reviewDecidedAt && !row.rereviewRequestedAt) actions.push('request_rereview')
  return actions
}

/** Public tracking: the state of things and who holds them, nothing about the resident. */
export function trackView(row: TrackingRow, events: PublicEventRow[]): TrackResult {
  return {
    ...headline(row),
    deadlines: deadlinesView(row),
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      label: actionLabel(e.action),
      by: e.actorType === 'staff' ? (e.actorUnit ?? '办理单位') : e.actorType === 'resident' ? '群众' : '系统',
      toStatus: e.toStatus as CaseStatus | null,
    })),
  }
}
