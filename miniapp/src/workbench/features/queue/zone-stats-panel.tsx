import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ZoneStats } from '@xinfang/shared/contracts/zones'
import { ZONE_RULES } from '@xinfang/shared/zone-rules'
import { messageOf } from '../../../api/api-error'
import { getZoneStats } from './api'
import './queue.scss'

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`)
const ZONES = Object.values(ZONE_RULES)

/** The four zones over the last 30 days: how many cases, and how many answered on time by each clock. */
export function ZoneStatsPanel() {
  const [stats, setStats] = useState<ZoneStats[] | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    let live = true
    Promise.all(ZONES.map((zone) => getZoneStats(zone.code)))
      .then((all) => live && setStats(all))
      .catch((e: unknown) => live && setError(messageOf(e)))
    return () => {
      live = false
    }
  }, [])
  return (
    <View className='card wb-zone-stats'>
      <View className='row'>
        <Text className='wb-today__org'>民生专区 · 近30天</Text>
        <View className='spacer' />
        <Text className='muted'>按时答复率</Text>
      </View>
      {ZONES.map((zone, i) => {
        const s = stats?.[i]
        const rate = (triage: 'simple' | 'complex') => percent(s?.clocks.find((c) => c.triage === triage)?.rate ?? null)
        return (
          <View key={zone.code} className='row wb-zone-stats__row'>
            <Text className='wb-zone-stats__name'>{zone.name}</Text>
            <Text className='wb-zone-stats__count'>{s ? `${s.total} 件` : '…'}</Text>
            <View className='spacer' />
            <Text className='muted'>{s ? `1小时 ${rate('simple')} · 3日 ${rate('complex')}` : ''}</Text>
          </View>
        )
      })}
      {error && <Text className='field-error line'>{error}</Text>}
    </View>
  )
}
