import { Text, View } from '@tarojs/components'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { orgName } from '@xinfang/shared/org'
import { DeadlineList } from '../../../components/deadline-list'
import { formatDateTime } from '../../../lib/dates'
import './case.scss'

const EXTENSION_STATUS = { pending: '待审批', approved: '已批准', denied: '未批准' } as const

/** Where the case stands for staff: who holds it, the clocks, and what is pending or decided. */
export function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { extension, infoRequest } = detail
  return (
    <View>
      <View className='card'>
        <View className='section-title'>承办与期限</View>
        {detail.assignments.length === 0 && <Text className='muted line'>尚未交办</Text>}
        {detail.assignments.map((a) => (
          <View key={`${a.unit}-${a.region}-${a.role}-${a.assignee?.id ?? ''}`} className='wb-assignment'>
            <View className='row'>
              <Text className='wb-assignment__name'>{orgName(a.unit, a.region)}</Text>
              <View className='spacer' />
              <Text className='muted'>{a.roleLabel}</Text>
            </View>
            {a.assignee && <Text className='muted line'>网格员：{a.assignee.name}</Text>}
            <Text className='muted line'>交办于 {formatDateTime(a.assignedAt)}</Text>
            {a.objection && <Text className='wb-warn line'>异议：{a.objection.reason}（{formatDateTime(a.objection.at)}）</Text>}
          </View>
        ))}
        <DeadlineList deadlines={detail.deadlines} zoneClock={detail.zoneClock} reviewStage={detail.review?.stage ?? null} />
        {extension && (
          <Text className={extension.status === 'pending' ? 'wb-warn line' : 'muted line'}>
            延期{extension.days}个工作日 · {EXTENSION_STATUS[extension.status]}：{extension.reason}
            {extension.note ? `（审批意见：${extension.note}）` : ''}
          </Text>
        )}
      </View>
      {infoRequest && (
        <View className='card'>
          <View className='section-title'>等待群众补充材料</View>
          <Text className='wb-text'>{infoRequest.question}</Text>
          <Text className='muted line'>提出于 {formatDateTime(infoRequest.at)}</Text>
        </View>
      )}
      {detail.reply && (
        <View className='card'>
          <View className='section-title'>答复意见 · {detail.reply.outcomeLabel}</View>
          <Text className='wb-text' userSelect>
            {detail.reply.text}
          </Text>
          <Text className='muted line'>答复于 {formatDateTime(detail.reply.at)}</Text>
        </View>
      )}
      {detail.rejection && (
        <View className='card'>
          <View className='section-title'>不予受理</View>
          <Text className='wb-text'>{detail.rejection.reason}</Text>
          <Text className='muted line'>告知的法定途径：{detail.rejection.channel}</Text>
        </View>
      )}
      {detail.rating && (
        <View className='card'>
          <View className='section-title'>群众评价 · {detail.rating.label}</View>
          {detail.rating.comment && <Text className='wb-text'>{detail.rating.comment}</Text>}
        </View>
      )}
      {detail.review && (
        <View className='card'>
          <View className='section-title'>{detail.review.stage === 'rereview' ? '复核申请' : '复查申请'}</View>
          <Text className='wb-text'>{detail.review.reason}</Text>
          <Text className='muted line'>申请于 {formatDateTime(detail.review.at)}</Text>
        </View>
      )}
    </View>
  )
}
