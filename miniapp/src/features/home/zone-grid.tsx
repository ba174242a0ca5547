import { Text, View } from '@tarojs/components'
import { ZONES } from '@xinfang/shared/catalog'
import { CATEGORIES } from '@xinfang/shared/categories'
import { navigateTo } from '../../routes'
import './home.scss'

// a zone with one category shows that category's examples, a wider zone its category names
const hintOf = (zone: string) => {
  const inZone = CATEGORIES.filter((c) => 'zone' in c && c.zone === zone)
  return inZone.length === 1 ? (inZone[0]?.hint ?? '') : inZone.map((c) => c.name).join('、')
}

/** The four livelihood zones (民生专区): each opens the form with its zone and category set. */
export function ZoneGrid() {
  return (
    <View>
      <View className='section-title'>民生专区 · 专人快办</View>
      <View className='zone-grid'>
        {ZONES.map((zone) => (
          <View key={zone.code} className='tile zone' hoverClass='tile--pressed' onClick={() => navigateTo('submit', { zone: zone.code })}>
            <Text className='tile__title'>{zone.name}</Text>
            <Text className='tile__hint'>{hintOf(zone.code)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
