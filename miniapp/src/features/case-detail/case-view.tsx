import { View } from '@tarojs/components'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { CaseTimeline } from '../../components/timeline'
import { CaseSummary } from './case-summary'
import { HandlingCard } from './handling-card'
import { InfoForm } from './info-form'
import { JointLink } from './joint-link'
import { RatingForm } from './rating-form'
import { ReviewForm } from './review-form'

/** A case as its resident sees it; forms appear only for what the API says they may do now. */
export function CaseView({ detail, onChange }: { detail: CaseDetail; onChange: (detail: CaseDetail) => void }) {
  const can = (action: string) => detail.allowedActions.includes(action)
  return (
    <View>
      <CaseSummary detail={detail} />
      {detail.kind === 'joint' && <JointLink caseId={detail.id} />}
      {detail.infoRequest && can('provide_info') && <InfoForm caseId={detail.id} request={detail.infoRequest} onDone={onChange} />}
      <HandlingCard detail={detail} />
      {can('rate') && <RatingForm caseId={detail.id} onDone={onChange} />}
      {can('request_review') && <ReviewForm detail={detail} stage='review' onDone={onChange} />}
      {can('request_rereview') && <ReviewForm detail={detail} stage='rereview' onDone={onChange} />}
      <View className='card'>
        <View className='section-title'>办理过程</View>
        <CaseTimeline entries={detail.timeline} />
      </View>
    </View>
  )
}
