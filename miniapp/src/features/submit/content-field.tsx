import { Text, Textarea, View } from '@tarojs/components'
import { CONTENT_MAX, CONTENT_MIN, textLength } from '@xinfang/shared/limits'
import { useDraftState } from './draft-context'
import './submit.scss'

export function ContentField({ error }: { error?: string }) {
  const content = useDraftState((s) => s.draft.content)
  const update = useDraftState((s) => s.update)
  const length = textLength(content)
  const short = length < CONTENT_MIN
  return (
    <View className='card'>
      <View className='field-label'>遇到了什么问题？</View>
      <Textarea
        className='content-input'
        value={content}
        maxlength={CONTENT_MAX}
        autoHeight
        placeholder='说说发生了什么、在哪里、从什么时候开始。例如：小区暖气一直不热，室温只有十二度。'
        onInput={(e) => update({ content: e.detail.value })}
      />
      <View className='row'>
        <Text className={short ? 'muted' : 'counter--ok muted'}>{short ? `至少写 ${CONTENT_MIN} 个字` : '可以了'}</Text>
        <View className='spacer' />
        <Text className='muted'>
          {length}/{CONTENT_MAX}
        </Text>
      </View>
      {error && <View className='field-error'>{error}</View>}
    </View>
  )
}
