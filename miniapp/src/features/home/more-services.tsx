import { Text, View } from '@tarojs/components'
import { navigateTo } from '../../routes'
import './home.scss'

/** 联名反映 opens the joint-complaint form; 领导在线 comes with a later release and says so. */
export function MoreServices() {
  return (
    <View>
      <View className='section-title'>更多服务</View>
      <View className='home-actions__row'>
        <View className='tile' hoverClass='tile--pressed' onClick={() => navigateTo('cosignCreate', {})}>
          <Text className='tile__title'>发起联名</Text>
          <Text className='tile__hint'>大家的事，邻居扫码一起反映</Text>
        </View>
        <View className='tile tile--disabled' aria-disabled>
          <Text className='tile__title'>领导在线</Text>
          <Text className='tile__hint'>即将开放</Text>
        </View>
      </View>
    </View>
  )
}
