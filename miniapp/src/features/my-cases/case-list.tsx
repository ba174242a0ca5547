import { Text, View } from '@tarojs/components'
import type { CaseSummary } from '@xinfang/shared/contracts/cases'
import { OutcomeChip, StatusChip } from '../../components/status-chip'
import { formatDateTime } from '../../lib/dates'
import { navigateTo } from '../../routes'
import './my-cases.scss'

export function CaseList({ items }: { items: CaseSummary[] }) {
  return (
    <View>
      {items.map((c) => (
        <View key={c.id} className='card case-item' hoverClass='case-item--pressed' onClick={() => navigateTo('caseDetail', { id: c.id })}>
          <View className='row'>
            <StatusChip status={c.status} />
            <OutcomeChip label={c.outcomeLabel} />
            {c.kind === 'joint' && <Text className='chip chip--joint'>联名</Text>}
            <View className='spacer' />
            <Text className='muted'>{c.trackingNo}</Text>
          </View>
          <Text className='case-item__title'>{c.title}</Text>
          <Text className='muted'>提交于 {formatDateTime(c.registeredAt)}</Text>
        </View>
      ))}
    </View>
  )
}
