import { isMobilePhone } from '@xinfang/shared/masking'
import { CONTENT_MAX, CONTENT_MIN, textLength } from '@xinfang/shared/limits'
import { describeIssue } from '@xinfang/shared/validation-messages'
import { chinaDateString } from '@xinfang/shared/deadlines'
import { FIELD_LABELS } from '@xinfang/shared/errors'
import { checkZoneForm } from '@xinfang/shared/zone-form-check'
import { ZONE_RULES } from '@xinfang/shared/zone-rules'
import type { Draft } from '../../stores/draft'

export type DraftField = 'content' | 'contactPhone' | 'attachments' | 'zoneForm' | 'address' | 'region'
export type DraftProblems = Partial<Record<DraftField, string>>

/**
 * What must be fixed before sending, in the same words the API would use (describeIssue), so
 * a resident sees a problem at once instead of after a round trip.
 */
export function validateDraft(draft: Draft, pendingUploads: number, now = new Date()): DraftProblems {
  const problems: DraftProblems = {}
  const length = textLength(draft.content)
  if (length < CONTENT_MIN) {
    problems.content = describeIssue({ keyword: 'minLength', instancePath: '/content', params: { limit: CONTENT_MIN } })
  } else if (length > CONTENT_MAX) {
    problems.content = describeIssue({ keyword: 'maxLength', instancePath: '/content', params: { limit: CONTENT_MAX } })
  }
  const phone = draft.contactPhone.trim()
  if (phone && !isMobilePhone(phone)) problems.contactPhone = '请填写11位手机号码，例如 13812345678'
  if (pendingUploads > 0) problems.attachments = '还有照片或语音没有上传成功，请重试或删掉'
  if (draft.zone && draft.zoneForm) Object.assign(problems, zoneProblems(draft, now))
  return problems
}

/** A zone form checked by the zone's rule, as the API will check it; the first problem is the one shown. */
function zoneProblems(draft: Draft, now: Date): DraftProblems {
  const rule = ZONE_RULES[draft.zone!]
  const problems: DraftProblems = {}
  const { issues } = checkZoneForm(rule, draft.zoneForm!, chinaDateString(now))
  if (issues[0]) problems.zoneForm = issues[0].message
  // a chosen project or station places the case; without one the resident picks the district
  const pickedPlace = rule.fields.some((f) => (f.kind === 'project' || f.kind === 'station') && draft.zoneForm![f.key])
  const placed = Boolean(draft.region || draft.street || pickedPlace)
  if (rule.requires.includes('region') && !placed) problems.region = `请选择「${FIELD_LABELS.region}」`
  if (rule.requires.includes('address') && !draft.address.trim()) problems.address = `请填写「${FIELD_LABELS.address}」`
  return problems
}
