import { Picker, Text, View } from '@tarojs/components'
import { zoneName } from '@xinfang/shared/catalog'
import { PICKER_CATEGORIES, categoryOf } from '@xinfang/shared/categories'
import { useDraftState } from './draft-context'
import './submit.scss'

const NONE = '不确定，请工作人员分类'
const OPTIONS = [NONE, ...PICKER_CATEGORIES.map((c) => `${c.name}：${c.hint}`)]

/** Optional: a category routes the case at once; "not sure" lets the petition office sort it. */
export function CategoryField() {
  const category = useDraftState((s) => s.draft.category)
  const zone = useDraftState((s) => s.draft.zone)
  const update = useDraftState((s) => s.update)
  const selected = category ? categoryOf(category) : null
  const index = selected ? PICKER_CATEGORIES.findIndex((c) => c.code === selected.code) + 1 : 0

  const onChange = (value: number) => {
    const picked = value > 0 ? PICKER_CATEGORIES[value - 1] : undefined
    update({ category: picked?.code ?? null, zone: picked && 'zone' in picked ? picked.zone : null })
  }

  return (
    <View className='card'>
      <View className='field-label'>问题类别（可不选）</View>
      <Picker mode='selector' range={OPTIONS} value={index} onChange={(e) => onChange(Number(e.detail.value))}>
        <View className='picker-box'>
          <Text className={selected ? '' : 'muted'}>{selected ? selected.name : '点这里选择'}</Text>
          <Text className='picker-box__arrow'>›</Text>
        </View>
      </Picker>
      {selected && <Text className='muted'>{selected.hint}</Text>}
      {zone && <Text className='zone-note'>民生专区「{zoneName(zone)}」：专人快办，3个工作日内答复；只是咨询的，从首页民生专区进入，1小时内答复</Text>}
    </View>
  )
}
