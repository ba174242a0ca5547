import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { RATING_COMMENT_MAX } from '@xinfang/shared/limits'
import { SATISFACTION, type Satisfaction } from '@xinfang/shared/timeline'
import { actionKey, useCaseWrite } from '../../components/use-case-write'
import { askNoticeConsent, prepareNoticeConsent } from '../../platform/subscribe'
import { rateCase } from './api'
import './case-detail.scss'

const CHOICES = Object.entries(SATISFACTION) as [Satisfaction, string][]

/** Three big choices and an optional comment; shown only while the API allows `rate`. */
export function RatingForm({ caseId, onDone }: { caseId: string; onDone: (detail: CaseDetail) => void }) {
  const [choice, setChoice] = useState<Satisfaction | null>(null)
  const [comment, setComment] = useState('')
  const { sending, run } = useCaseWrite(onDone)
  // one key per form: a retried tap of the same rating is applied once
  const [key] = useState(() => actionKey('rate', caseId))
  useEffect(() => void prepareNoticeConsent(), [])

  const send = async () => {
    if (!choice) return void Taro.showToast({ title: '请先选一个评价', icon: 'none' })
    // the review that may follow is told by message too: asked beside the rating, never before it
    void askNoticeConsent()
    await run(() => rateCase(caseId, { satisfaction: choice, ...(comment.trim() ? { comment: comment.trim() } : {}) }, key), '谢谢您的评价')
  }

  return (
    <View className='card'>
      <View className='section-title'>对答复满意吗？</View>
      <View className='choices'>
        {CHOICES.map(([value, label]) => (
          <View key={value} className={choice === value ? `choice choice--on choice--${value}` : 'choice'} onClick={() => setChoice(value)}>
            <Text>{label}</Text>
          </View>
        ))}
      </View>
      <Textarea
        className='comment-input'
        value={comment}
        maxlength={RATING_COMMENT_MAX}
        placeholder='还想说点什么？（可不填）'
        onInput={(e) => setComment(e.detail.value)}
      />
      {choice === 'unsatisfied' && <Text className='muted'>评价为不满意后，可以在下面申请复查。</Text>}
      <Button className='action' type='primary' block loading={sending} disabled={sending} onClick={send}>
        提交评价
      </Button>
    </View>
  )
}
