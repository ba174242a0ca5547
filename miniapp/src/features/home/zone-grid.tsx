import { Text, View } from '@tarojs/components'
import { ZONE_RULES } from '@xinfang/shared/zone-rules'
import { navigateTo } from '../../routes'
import './home.scss'

/** The four livelihood zones (民生专区): each opens its own page and form. */
export function ZoneGrid() {
  return (
    <View>
      <View className='section-title'>民生专区 · 专人快办</View>
      <View className='zone-grid'>
        {Object.values(ZONE_RULES).map((zone) => (
          <View key={zone.code} className='tile zone' hoverClass='tile--pressed' onClick={() => navigateTo('zone', { zone: zone.code })}>
            <Text className='tile__title'>{zone.name}</Text>
            <Text className='tile__hint'>{zone.intro}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
