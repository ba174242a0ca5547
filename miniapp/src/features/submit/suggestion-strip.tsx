import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import { useDraftState, useFormDraft } from './draft-context'
import { suggestionLine, suggestionPatch } from './suggestion'
import { useIntakeSuggestion } from './use-intake-suggestion'
import './submit.scss'

/**
 * Under the content: what the assistant reads in it, and one tap to fill the fields the resident
 * has left empty. Shown only while there is something to fill; says less when it is less sure.
 */
export function SuggestionStrip() {
  const suggestion = useIntakeSuggestion()
  // only the fields a suggestion may fill: the strip does not follow the typing
  const draft = useDraftState(useShallow(({ draft: { category, zone, region, street } }) => ({ category, zone, region, street })))
  const store = useFormDraft()
  if (!suggestion) return null
  const patch = suggestionPatch(draft, suggestion)
  const line = suggestionLine(draft, suggestion, patch)
  if (!line) return null

  const use = () => {
    // read the draft again: the resident may have picked something since this render
    const { draft: now, update } = store.getState()
    update(suggestionPatch(now, suggestion))
    void Taro.showToast({ title: '已填好，您还可以修改', icon: 'none' })
  }

  return (
    <View className='card suggest'>
      <Text className='suggest__line'>
        {suggestion.confident ? '看起来是：' : '可能是：'}
        {line}
      </Text>
      {suggestion.reasons.length > 0 && <Text className='muted suggest__why'>{suggestion.reasons.join('；')}</Text>}
      <Button className='action suggest__use' type='primary' fill='outline' block onClick={use}>
        用这个
      </Button>
    </View>
  )
}
