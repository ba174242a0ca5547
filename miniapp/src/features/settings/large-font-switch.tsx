import { Switch, Text, View } from '@tarojs/components'
import { useSettingsStore } from '../../stores/settings-store'
import './settings.scss'

/** 适老化: larger text on every page, remembered on this phone. */
export function LargeFontSwitch() {
  const largeFont = useSettingsStore((s) => s.largeFont)
  const setLargeFont = useSettingsStore((s) => s.setLargeFont)
  return (
    <View className='card row setting'>
      <View className='setting__text'>
        <Text className='setting__title'>大字模式</Text>
        <Text className='muted'>字更大，看得更清楚</Text>
      </View>
      <Switch checked={largeFont} color='#1f5fbf' onChange={(e) => setLargeFont(e.detail.value)} />
    </View>
  )
}
