import { TIMELINE_ACTIONS } from '@xinfang/shared/timeline'
import type { CaseUpdate } from '../../integrations/notice-delivery'

// What a resident reads when an event has no label of its own (one added after this was written).
const FALLBACK_HEADLINE = '办理进度有更新'

/** The case page, at the same path in both mini-programs and the H5 app (see miniapp/src/routes.ts). */
const casePage = (caseId: string) => `pages/case-detail/index?id=${encodeURIComponent(caseId)}`

/**
 * The stored notice turned into what every channel sends: the timeline's own words for the
 * event as the headline, the notice's sentence as the body. Null when the payload lacks a
 * field, which no retry can mend.
 */
export function caseUpdateOf(caseId: string, event: string, payload: Record<string, unknown>): CaseUpdate | null {
  const text = (key: string) => (typeof payload[key] === 'string' && payload[key] !== '' ? (payload[key] as string) : null)
  const [trackingNo, title, statusLabel, message, at] = [text('trackingNo'), text('title'), text('statusLabel'), text('message'), text('at')]
  if (trackingNo === null || title === null || statusLabel === null || message === null || at === null || Number.isNaN(Date.parse(at))) return null
  const headline = Object.hasOwn(TIMELINE_ACTIONS, event) ? TIMELINE_ACTIONS[event as keyof typeof TIMELINE_ACTIONS] : FALLBACK_HEADLINE
  return { trackingNo, title, statusLabel, headline, message, at: new Date(at), page: casePage(caseId) }
}
