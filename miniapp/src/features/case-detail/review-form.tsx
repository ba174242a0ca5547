import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { REVIEW_REASON_MAX, REVIEW_REASON_MIN, textLength } from '@xinfang/shared/limits'
import { describeIssue } from '@xinfang/shared/validation-messages'
import { actionKey, useCaseWrite } from '../../components/use-case-write'
import { deadlineWords } from '../../lib/dates'
import { requestReview } from './api'
import './case-detail.scss'

const WORDS = {
  review: { name: '复查', hint: '对答复不满意，可以请上一级重新审查。' },
  rereview: { name: '复核', hint: '对复查意见不满意，可以请再上一级复核。' },
} as const

/**
 * Asking for a review (复查) after an unsatisfied rating, or for a re-review (复核) of a review
 * decision: shown while the API allows `request_review` or `request_rereview`. Both go to the
 * same route; the server tells which it is from the case.
 */
export function ReviewForm({ detail, stage, onDone }: { detail: CaseDetail; stage: keyof typeof WORDS; onDone: (detail: CaseDetail) => void }) {
  const [reason, setReason] = useState('')
  const { sending, run } = useCaseWrite(onDone)
  const [key] = useState(() => actionKey(stage, detail.id))
  const until = detail.deadlines.reviewRequestBy
  const words = WORDS[stage]

  const send = async () => {
    if (textLength(reason) < REVIEW_REASON_MIN) {
      return void Taro.showToast({ title: describeIssue({ keyword: 'minLength', instancePath: '/reason', params: { limit: REVIEW_REASON_MIN } }), icon: 'none' })
    }
    await run(() => requestReview(detail.id, { reason: reason.trim() }, key), `${words.name}申请已提交`)
  }

  return (
    <View className='card'>
      <View className='section-title'>申请{words.name}</View>
      <Text className='muted'>{words.hint}{until ? `申请期限：${deadlineWords(until).text}` : ''}</Text>
      <Textarea
        className='comment-input'
        value={reason}
        maxlength={REVIEW_REASON_MAX}
        placeholder='请说明哪里不满意、希望怎样解决'
        onInput={(e) => setReason(e.detail.value)}
      />
      <Button className='action' type='primary' block loading={sending} disabled={sending} onClick={send}>
        提交{words.name}申请
      </Button>
    </View>
  )
}
