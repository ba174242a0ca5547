import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { describeIssue } from '@xinfang/shared/validation-messages'
import { deadlineWords } from '../../lib/dates'
import { actionKey, requestReview } from './api'
import { useCaseWrite } from './use-case-write'
import './case-detail.scss'

// ReviewRequestBodySchema: reason is 5 to 1000 characters
const REASON_MIN = 5
const REASON_MAX = 1000

/** Asking for a review (复查) after an unsatisfied rating; shown while the API allows `request_review`. */
export function ReviewForm({ detail, onDone }: { detail: CaseDetail; onDone: (detail: CaseDetail) => void }) {
  const [reason, setReason] = useState('')
  const { sending, run } = useCaseWrite(onDone)
  const [key] = useState(() => actionKey('review', detail.id))
  const until = detail.deadlines.reviewRequestBy

  const send = async () => {
    if (Array.from(reason.trim()).length < REASON_MIN) {
      return void Taro.showToast({ title: describeIssue({ keyword: 'minLength', instancePath: '/reason', params: { limit: REASON_MIN } }), icon: 'none' })
    }
    await run(() => requestReview(detail.id, { reason: reason.trim() }, key), '复查申请已提交')
  }

  return (
    <View className='card'>
      <View className='section-title'>申请复查</View>
      <Text className='muted'>对答复不满意，可以请上一级重新审查。{until ? `申请期限：${deadlineWords(until).text}` : ''}</Text>
      <Textarea
        className='comment-input'
        value={reason}
        maxlength={REASON_MAX}
        placeholder='请说明哪里不满意、希望怎样解决'
        onInput={(e) => setReason(e.detail.value)}
      />
      <Button className='action' type='primary' block loading={sending} disabled={sending} onClick={send}>
        提交复查申请
      </Button>
    </View>
  )
}
