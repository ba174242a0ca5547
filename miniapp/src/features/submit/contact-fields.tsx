import { Input, Switch, Text, View } from '@tarojs/components'
import { useDraftStore } from '../../stores/draft-store'
import './submit.scss'

export function ContactFields({ error }: { error?: string }) {
  const { contactPhone, anonymous } = useDraftStore((s) => s.draft)
  const update = useDraftStore((s) => s.update)
  return (
    <View className='card'>
      <View className='field-label'>联系电话（可不填）</View>
      <Input
        className='text-input'
        type='number'
        maxlength={11}
        value={contactPhone}
        placeholder='办理人员会打这个电话联系您'
        onInput={(e) => update({ contactPhone: e.detail.value })}
      />
      {error && <View className='field-error'>{error}</View>}
      <View className='row switch-row'>
        <View className='switch-row__text'>
          <Text className='switch-row__title'>匿名反映</Text>
          <Text className='muted'>办理单位看不到您的姓名和电话</Text>
        </View>
        <Switch checked={anonymous} color='#1f5fbf' onChange={(e) => update({ anonymous: e.detail.value })} />
      </View>
    </View>
  )
}
