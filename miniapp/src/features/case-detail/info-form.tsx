import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { INFO_TEXT_MAX, INFO_TEXT_MIN, textLength } from '@xinfang/shared/limits'
import { actionKey, useCaseWrite } from '../../components/use-case-write'
import { askNoticeConsent, prepareNoticeConsent } from '../../platform/subscribe'
import { formatDateTime } from '../../lib/dates'
import { provideInfo } from './api'
import './case-detail.scss'


/** The handler's question and the resident's answer; shown while the API allows `provide_info`. */
export function InfoForm({ caseId, request, onDone }: {
  caseId: string
  request: NonNullable<CaseDetail['infoRequest']>
  onDone: (detail: CaseDetail) => void
}) {
  const [text, setText] = useState('')
  const { sending, run } = useCaseWrite(onDone)
  const [key] = useState(() => actionKey('info', caseId))
  useEffect(() => void prepareNoticeConsent(), [])

  const send = async () => {
    if (textLength(text) < INFO_TEXT_MIN) return void Taro.showToast({ title: `「补充内容」至少要写${INFO_TEXT_MIN}个字`, icon: 'none' })
    // the handling goes on after this answer: asked beside it, so the next step reaches the resident by message
    void askNoticeConsent()
    await run(() => provideInfo(caseId, { text: text.trim() }, key), '已提交补充材料')
  }

  return (
    <View className='card info-request'>
      <View className='section-title'>请您补充材料</View>
      <Text className='reply__text'>{request.question}</Text>
      <Text className='muted'>办理人员提出于 {formatDateTime(request.at)}</Text>
      <Textarea
        className='comment-input'
        value={text}
        maxlength={INFO_TEXT_MAX}
        placeholder='请在这里回答，写清楚时间、地点、经过'
        onInput={(e) => setText(e.detail.value)}
      />
      <Button className='action' type='primary' block loading={sending} disabled={sending} onClick={send}>
        提交补充材料
      </Button>
    </View>
  )
}
