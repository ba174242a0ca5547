import { Input, Picker, Text, View } from '@tarojs/components'
import { REGIONS, regionName } from '@xinfang/shared/catalog'
import { ADDRESS_MAX } from '@xinfang/shared/limits'
import { placeName, streetsOf } from '@xinfang/shared/places'
import { useDraftState } from './draft-context'
import './submit.scss'

/** Where it happens: district, then a street of it, then the address in the resident's words. */
export function PlaceFields({ error }: { error?: string }) {
  const region = useDraftState((s) => s.draft.region)
  const street = useDraftState((s) => s.draft.street)
  const address = useDraftState((s) => s.draft.address)
  const update = useDraftState((s) => s.update)
  const streets = region ? streetsOf(region) : []
  const regionIndex = region ? REGIONS.findIndex((r) => r.code === region) : 0
  const streetIndex = Math.max(0, streets.findIndex((s) => s.code === street))

  return (
    <View className='card'>
      <View className='field-label'>在哪里？</View>
      <Picker
        mode='selector'
        range={REGIONS.map((r) => r.name)}
        value={regionIndex}
        onChange={(e) => {
          const picked = REGIONS[Number(e.detail.value)]
          if (picked && picked.code !== region) update({ region: picked.code, street: null })
        }}
      >
        <View className='picker-box'>
          <Text className={region ? '' : 'muted'}>{region ? regionName(region) : '选择区县'}</Text>
          <Text className='picker-box__arrow'>›</Text>
        </View>
      </Picker>
      {region && (
        <Picker
          mode='selector'
          range={streets.map((s) => s.name)}
          value={streetIndex}
          onChange={(e) => update({ street: streets[Number(e.detail.value)]?.code ?? null })}
        >
          <View className='picker-box'>
            <Text className={street ? '' : 'muted'}>{street ? (placeName(street) ?? street) : '选择街道或乡镇'}</Text>
            <Text className='picker-box__arrow'>›</Text>
          </View>
        </Picker>
      )}
      <Input
        className='text-input'
        value={address}
        maxlength={ADDRESS_MAX}
        placeholder='详细地址，例如：农业路22号院3号楼'
        onInput={(e) => update({ address: e.detail.value })}
      />
      {error && <View className='field-error'>{error}</View>}
    </View>
  )
}
