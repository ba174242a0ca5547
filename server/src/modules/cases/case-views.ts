import { allowedActions, STATUS_LABELS, type CaseStatus } from '@xinfang/shared/case-status'
import type { Assignment, CaseDetail, CaseSummary, Deadlines, TimelineEntry, TrackResult } from '@xinfang/shared/contracts/cases'
import { maskName, maskPhone } from '@xinfang/shared/masking'
import { orgName } from '@xinfang/shared/org'
import { ASSIGNMENT_ROLES, REPLY_OUTCOMES, SATISFACTION, TIMELINE_ACTIONS, type AssignmentRole, type ReplyOutcome, type Satisfaction, type TimelineAction } from '@xinfang/shared/timeline'
import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import type { Actor } from '../../plugins/auth'
import type { FileRef } from '@xinfang/shared/contracts/files'
import type { AssignmentRow, CaseRow, EventRow } from './case-repository'

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const actionLabel = (action: string) => TIMELINE_ACTIONS[action as TimelineAction] ?? action

export const assignmentView = (a: AssignmentRow): Assignment => ({
  unit: a.unitCode,
  unitName: orgName(a.unitCode, a.regionCode),
  region: a.regionCode,
  role: a.role,
  roleLabel: ASSIGNMENT_ROLES[a.role as AssignmentRole],
  ruleId: a.ruleId,
})

export const deadlinesView = (row: CaseRow): Deadlines => ({
  acceptBy: row.status === 'registered' ? iso(row.acceptDue) : null,
  respondBy: row.status === 'registered' ? iso(row.respondDue) : null,
  replyBy: row.status === 'registered' || row.status === 'accepted' ? iso(row.replyDue) : null,
  reviewRequestBy: row.satisfaction === 'unsatisfied' && !row.reviewRequestedAt ? iso(row.reviewRequestDue) : null,
  reviewBy: row.status === 'review_requested' || row.status === 'reviewing' ? iso(row.reviewDue) : null,
})

/** The fields a list item and public tracking share. */
const headline = (row: CaseRow) => ({
  trackingNo: formatTrackingNo(row.trackingNo),
  status: row.status as CaseStatus,
  statusLabel: STATUS_LABELS[row.status as CaseStatus],
  category: row.category,
  zone: row.zone,
  region: row.regionCode,
  registeredAt: row.registeredAt.toISOString(),
})

export const summaryView = (row: CaseRow): CaseSummary => ({
  id: row.id,
  title: row.title,
  ...headline(row),
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
  assignments: AssignmentRow[]
  events: EventRow[]
  attachments: FileRef[]
  staffById: ReadonlyMap<string, StaffContact>
  contactPhone: string | null
}

export function detailView(row: CaseRow, viewer: Actor, parts: DetailParts): CaseDetail {
  const role = viewer.type === 'resident' ? 'resident' : viewer.role
  return {
    ...summaryView(row),
    kind: row.kind,
    content: row.content,
    street: row.streetCode,
    address: row.address,
    location: row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null,
    contactPhone: parts.contactPhone ? maskPhone(parts.contactPhone) : null,
    anonymous: row.anonymous,
    attachments: parts.attachments,
    assignments: parts.assignments.map(assignmentView),
    deadlines: deadlinesView(row),
    reply:
      row.replyText && row.repliedAt
        ? { text: row.replyText, outcome: row.replyOutcome ?? 'explained', outcomeLabel: REPLY_OUTCOMES[(row.replyOutcome ?? 'explained') as ReplyOutcome], at: row.repliedAt.toISOString() }
        : null,
    rejection: row.rejectReason && row.rejectedAt ? { reason: row.rejectReason, channel: row.rejectChannel ?? '', at: row.rejectedAt.toISOString() } : null,
    rating:
      row.satisfaction && row.ratedAt
        ? { satisfaction: row.satisfaction, label: SATISFACTION[row.satisfaction as Satisfaction], comment: row.ratingComment, at: row.ratedAt.toISOString() }
        : null,
    review: row.reviewReason && row.reviewRequestedAt ? { reason: row.reviewReason, at: row.reviewRequestedAt.toISOString() } : null,
    timeline: parts.events.map((e) => timelineEntry(e, viewer, parts.staffById)),
    allowedActions: viewer.type === 'resident' ? residentActions(row) : allowedActions(row.status as CaseStatus, role),
  }
}

/** What the owner can do next, in the words of the API routes. */
function residentActions(row: CaseRow): string[] {
  const replied = row.status === 'replied' || row.status === 'closed'
  const actions: string[] = []
  if (replied && !row.satisfaction && row.repliedAt) actions.push('rate')
  if (replied && row.satisfaction === 'unsatisfied' && !row.reviewRequestedAt) actions.push('request_review')
  return actions
}

/** Public tracking: the state of things and who holds them, nothing about the resident. */
export function trackView(row: CaseRow, events: EventRow[]): TrackResult {
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
