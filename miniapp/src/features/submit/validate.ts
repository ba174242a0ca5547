import { isMobilePhone } from '@xinfang/shared/masking'
import { CONTENT_MAX, CONTENT_MIN, textLength } from '@xinfang/shared/limits'
import { describeIssue } from '@xinfang/shared/validation-messages'
import type { Draft } from '../../stores/draft'

export type DraftField = 'content' | 'contactPhone' | 'attachments'
export type DraftProblems = Partial<Record<DraftField, string>>

/**
 * What must be fixed before sending, in the same words the API would use (describeIssue), so
 * a resident sees a problem at once instead of after a round trip.
 */
export function validateDraft(draft: Draft, pendingUploads: number): DraftProblems {
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
  return problems
}
