import { Text, View } from '@tarojs/components'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { orgName } from '@xinfang/shared/org'
import { DeadlineList } from '../../components/deadline-list'
import { formatDateTime } from '../../lib/dates'
import './case-detail.scss'

/** Who has the case, the clocks that run, and what came back: the reply or the refusal. */
export function HandlingCard({ detail }: { detail: CaseDetail }) {
  return (
    <View>
      {detail.assignments.length > 0 && (
        <View className='card'>
          <View className='section-title'>办理单位</View>
          {detail.assignments.map((a) => (
            <View key={`${a.unit}-${a.region}-${a.role}`} className='row assignment'>
              <Text className='assignment__name'>{orgName(a.unit, a.region)}</Text>
              <Text className='muted'>{a.roleLabel}</Text>
            </View>
          ))}
          <DeadlineList deadlines={detail.deadlines} zoneClock={detail.zoneClock} reviewStage={detail.review?.stage ?? null} />
          {detail.extension?.status === 'approved' && (
            <Text className='reply__text extension'>
              办理期限已延长{detail.extension.days}个工作日：{detail.extension.reason}
            </Text>
          )}
        </View>
      )}
      {detail.reply && (
        <View className='card reply'>
          <View className='section-title'>答复意见</View>
          <Text className='reply__outcome'>{detail.reply.outcomeLabel}</Text>
          <Text className='reply__text' userSelect>
            {detail.reply.text}
          </Text>
          <Text className='muted'>答复于 {formatDateTime(detail.reply.at)}</Text>
        </View>
      )}
      {detail.rejection && (
        <View className='card'>
          <View className='section-title'>不予受理</View>
          <Text className='reply__text'>{detail.rejection.reason}</Text>
          <Text className='reply__text'>您可以通过这个途径解决：{detail.rejection.channel}</Text>
        </View>
      )}
      {detail.rating && (
        <View className='card'>
          <View className='section-title'>您的评价</View>
          <Text className='reply__outcome'>{detail.rating.label}</Text>
          {detail.rating.comment && <Text className='reply__text'>{detail.rating.comment}</Text>}
        </View>
      )}
      {detail.review && (
        <View className='card'>
          <View className='section-title'>{detail.review.stage === 'rereview' ? '复核申请' : '复查申请'}</View>
          <Text className='reply__text'>{detail.review.reason}</Text>
          <Text className='muted'>申请于 {formatDateTime(detail.review.at)}</Text>
        </View>
      )}
    </View>
  )
}
