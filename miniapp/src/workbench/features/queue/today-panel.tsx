import { Text, View } from '@tarojs/components'
import type { WorkbenchSummary } from '@xinfang/shared/contracts/workbench'
import './queue.scss'

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`)

/** Today in the jurisdiction: new cases, closed cases, overdue cases and satisfaction (30 days). */
export function TodayPanel({ summary, error }: { summary: WorkbenchSummary | null; error: string }) {
  const today = summary?.today
  const figures = [
    { label: '今日新增', value: today ? String(today.newCases) : '…', tone: '' },
    { label: '今日办结', value: today ? String(today.closed) : '…', tone: '' },
    { label: '超期', value: today ? String(today.overdue) : '…', tone: today && today.overdue > 0 ? 'wb-figure--overdue' : '' },
    { label: '满意率', value: today ? percent(today.satisfactionRate) : '…', tone: '' },
  ]
  return (
    <View className='card wb-today'>
      <View className='row'>
        <Text className='wb-today__org'>{summary?.jurisdiction.orgName ?? '我的辖区'}</Text>
        <View className='spacer' />
        {today && <Text className='muted'>{today.date}</Text>}
      </View>
      <View className='wb-figures'>
        {figures.map((f) => (
          <View key={f.label} className={`wb-figure ${f.tone}`}>
            <Text className='wb-figure__value'>{f.value}</Text>
            <Text className='muted'>{f.label}</Text>
          </View>
        ))}
      </View>
      {today && <Text className='muted line'>满意率按近30天 {today.rated} 条评价计算</Text>}
      {error && <Text className='field-error line'>{error}</Text>}
    </View>
  )
}
