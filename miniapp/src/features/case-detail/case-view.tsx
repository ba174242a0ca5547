import { View } from '@tarojs/components'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { Timeline } from '../../components/timeline'
import { CaseSummary } from './case-summary'
import { HandlingCard } from './handling-card'
import { RatingForm } from './rating-form'
import { ReviewForm } from './review-form'

/** A case as its resident sees it; forms appear only for what the API says they may do now. */
export function CaseView({ detail, onChange }: { detail: CaseDetail; onChange: (detail: CaseDetail) => void }) {
  const can = (action: string) => detail.allowedActions.includes(action)
  return (
    <View>
      <CaseSummary detail={detail} />
      <HandlingCard detail={detail} />
      {can('rate') && <RatingForm caseId={detail.id} onDone={onChange} />}
      {can('request_review') && <ReviewForm detail={detail} onDone={onChange} />}
      <View className='card'>
        <View className='section-title'>办理过程</View>
        <Timeline items={detail.timeline.map((e) => ({ key: e.id, at: e.at, title: e.label, by: e.actor.label, note: e.note }))} />
      </View>
    </View>
  )
}
