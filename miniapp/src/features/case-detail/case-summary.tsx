import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { isCategoryCode, categoryOf } from '@xinfang/shared/categories'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { fullPlaceName } from '@xinfang/shared/places'
import { OutcomeChip, StatusChip } from '../../components/status-chip'
import { formatDateTime } from '../../lib/dates'
import { fileUrl } from './api'
import './case-detail.scss'

const placeOf = (c: CaseDetail) => {
  const code = c.street ?? c.region
  const name = code ? (fullPlaceName(code) ?? '') : ''
  return [name, c.address ?? ''].filter(Boolean).join(' ')
}

/** What the resident said: status, content, place, photos and voice. */
export function CaseSummary({ detail }: { detail: CaseDetail }) {
  const images = detail.attachments.filter((a) => a.kind === 'image').map((a) => fileUrl(a.url))
  const voices = detail.attachments.filter((a) => a.kind === 'audio')
  const place = placeOf(detail)

  const play = (url: string) => {
    const audio = Taro.createInnerAudioContext()
    audio.src = fileUrl(url)
    audio.onEnded(() => audio.destroy())
    audio.play()
  }

  return (
    <View className='card'>
      <View className='row'>
        <StatusChip status={detail.status} />
        <OutcomeChip label={detail.outcomeLabel} />
        {detail.kind === 'joint' && <Text className='chip chip--joint'>联名</Text>}
        <View className='spacer' />
        <Text className='muted' userSelect>
          查询码 {detail.trackingNo}
        </Text>
      </View>
      <Text className='detail-content' userSelect>
        {detail.content}
      </Text>
      {detail.category && isCategoryCode(detail.category) && <Text className='muted detail-meta'>类别：{categoryOf(detail.category).name}</Text>}
      {place && <Text className='muted detail-meta'>地点：{place}</Text>}
      <Text className='muted detail-meta'>提交于 {formatDateTime(detail.registeredAt)}{detail.anonymous ? ' · 匿名' : ''}</Text>
      {images.length > 0 && (
        <View className='detail-photos'>
          {images.map((src) => (
            <Image key={src} className='detail-photo' src={src} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: images, current: src })} />
          ))}
        </View>
      )}
      {voices.map((v) => (
        <Text key={v.id} className='detail-voice' onClick={() => play(v.url)}>
          ▶ 播放语音
        </Text>
      ))}
    </View>
  )
}
