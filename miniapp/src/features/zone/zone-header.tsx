import { Text, View } from '@tarojs/components'
import { unitName, type ZoneCode } from '@xinfang/shared/catalog'
import { ZONE_TRIAGES, zoneRule } from '@xinfang/shared/zone-rules'
import './zone.scss'

/** The zone's promise in plain words: who handles it and how fast an answer comes. */
export function ZoneHeader({ zone }: { zone: ZoneCode }) {
  const rule = zoneRule(zone)
  return (
    <View className='card zone-header'>
      <Text className='zone-header__title'>{rule.name}</Text>
      <Text className='muted'>{rule.intro}</Text>
      <View className='zone-header__promises'>
        <Text className='zone-header__promise'>咨询、政策、进度：{ZONE_TRIAGES.simple.promise}</Text>
        <Text className='zone-header__promise'>需要办理的问题：{ZONE_TRIAGES.complex.promise}</Text>
      </View>
      <Text className='muted'>由{unitName(rule.lead)}牵头办理，所在区县信访局同时负责，进度随时可查</Text>
    </View>
  )
}
