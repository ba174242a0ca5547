import { Input, Switch, Text, View } from '@tarojs/components'
import { useDraftState } from './draft-context'
import './submit.scss'

/** `named`: a joint complaint is never anonymous (the representative answers for it), so no switch. */
export function ContactFields({ error, named = false }: { error?: string; named?: boolean }) {
  const contactPhone = useDraftState((s) => s.draft.contactPhone)
  const anonymous = useDraftState((s) => s.draft.anonymous)
  const update = useDraftState((s) => s.update)
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
      {!named && (
        <View className='row switch-row'>
          <View className='switch-row__text'>
            <Text className='switch-row__title'>匿名反映</Text>
            <Text className='muted'>办理单位看不到您的姓名和电话</Text>
          </View>
          <Switch checked={anonymous} color='#1f5fbf' onChange={(e) => update({ anonymous: e.detail.value })} />
        </View>
      )}
    </View>
  )
}
