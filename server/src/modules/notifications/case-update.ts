import { STAFF_NOTICE_KINDS } from '@xinfang/shared/contracts/notice-settings'
import { TIMELINE_ACTIONS } from '@xinfang/shared/timeline'
import type { CaseUpdate, NoticeAudience } from '../../integrations/notice-delivery'

// What a resident reads when an event has no label of its own (one added after this was written).
const FALLBACK_HEADLINE = '办理进度有更新'
const STAFF_FALLBACK_HEADLINE = '工作提醒'

/** The case page, at the same path in both mini-programs and the H5 app (see miniapp/src/routes.ts). */
const casePage = (caseId: string) => `pages/case-detail/index?id=${encodeURIComponent(caseId)}`
/** The workbench's case page, in its subpackage (routes.ts `workbenchCase`). */
const workbenchCasePage = (caseId: string) => `workbench/pages/case/index?id=${encodeURIComponent(caseId)}`

const labelOf = <T extends Record<string, string>>(labels: T, key: string, fallback: string) => (Object.hasOwn(labels, key) ? labels[key as keyof T]! : fallback)

/**
 * The stored notice turned into what every channel sends: for a resident the timeline's own
 * words for the event as the headline and the case's status; for staff the kind of notice as
 * both (联名预警, 即将超期, 已超期), opening the workbench. The notice's sentence is the body.
 * Null when the payload lacks a field, which no retry can mend.
 */
export function caseUpdateOf(caseId: string, audience: NoticeAudience, event: string, payload: Record<string, unknown>): CaseUpdate | null {
  const text = (key: string) => (typeof payload[key] === 'string' && payload[key] !== '' ? (payload[key] as string) : null)
  const [trackingNo, title, message, at] = [text('trackingNo'), text('title'), text('message'), text('at')]
  if (trackingNo === null || title === null || message === null || at === null || Number.isNaN(Date.parse(at))) return null
  if (audience === 'staff') {
    const label = labelOf(STAFF_NOTICE_KINDS, event, STAFF_FALLBACK_HEADLINE)
    return { audience, trackingNo, title, statusLabel: label, headline: label, message, at: new Date(at), page: workbenchCasePage(caseId) }
  }
  const statusLabel = text('statusLabel')
  if (statusLabel === null) return null
  return { audience, trackingNo, title, statusLabel, headline: labelOf(TIMELINE_ACTIONS, event, FALLBACK_HEADLINE), message, at: new Date(at), page: casePage(caseId) }
}
