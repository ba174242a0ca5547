import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import { zoneName, isZoneCode, regionName, isRegionCode } from '@xinfang/shared/catalog'
import type { TrackResult } from '@xinfang/shared/contracts/cases'
import { ERRORS } from '@xinfang/shared/errors'
import { messageOf } from '../../api/api-error'
import { DeadlineList } from '../../components/deadline-list'
import { StatusChip } from '../../components/status-chip'
import { Timeline } from '../../components/timeline'
import { formatDateTime } from '../../lib/dates'
import { trackCase } from './api'
import { digitsOf, formatAsTyped, trackingInputState } from './tracking-input'
import './track.scss'

function TrackResultCard({ result }: { result: TrackResult }) {
  const where = [result.zone && isZoneCode(result.zone) ? `民生专区「${zoneName(result.zone)}」` : '', result.region && isRegionCode(result.region) ? regionName(result.region) : '']
    .filter(Boolean)
    .join(' · ')
  return (
    <View>
      <View className='card'>
        <View className='row'>
          <StatusChip status={result.status} />
          <View className='spacer' />
          <Text className='muted'>{result.trackingNo}</Text>
        </View>
        <Text className='track-status'>{result.statusLabel}</Text>
        <Text className='muted'>提交于 {formatDateTime(result.registeredAt)}{where ? ` · ${where}` : ''}</Text>
        <DeadlineList deadlines={result.deadlines} />
      </View>
      <View className='card'>
        <View className='section-title'>办理过程</View>
        <Timeline items={result.timeline.map((e, i) => ({ key: i, at: e.at, title: e.label, by: e.by }))} />
      </View>
    </View>
  )
}

/** Type (or arrive with) a 12-digit tracking number; checked locally before asking the API. */
export function TrackView({ initialNo }: { initialNo?: string }) {
  // the field holds digits only (a number keyboard cannot show dashes); the grouped form is shown under it
  const [value, setValue] = useState(() => digitsOf(initialNo ?? ''))
  const [result, setResult] = useState<TrackResult | null>(null)
  const [error, setError] = useState('')
  const [loading, setLoading] = useState(false)
  const state = trackingInputState(value)

  const search = async (digits = value) => {
    const check = trackingInputState(digits)
    if (check !== 'valid') {
      setError(check === 'incomplete' ? '查询码是12位数字，请输完整' : ERRORS.TRACKING_NO_INVALID.message)
      return
    }
    setLoading(true)
    setError('')
    try {
      setResult(await trackCase(digits))
    } catch (e) {
      setResult(null)
      setError(messageOf(e))
    } finally {
      setLoading(false)
    }
  }

  // arriving from a scanned QR code: look it up straight away
  useEffect(() => {
    if (initialNo) void search(digitsOf(initialNo))
    // only for the number the page opened with, not for every keystroke
  }, [initialNo])

  return (
    <View>
      <View className='card'>
        <View className='field-label'>输入12位查询码</View>
        <Input
          className='track-input'
          type='number'
          value={value}
          maxlength={12}
          placeholder='12位数字'
          onInput={(e) => {
            const digits = digitsOf(e.detail.value)
            setValue(digits)
            setError('')
            return digits
          }}
          onConfirm={() => void search()}
        />
        {value && <Text className='track-preview'>{formatAsTyped(value)}</Text>}
        {state === 'invalid' && !error && <View className='field-error'>{ERRORS.TRACKING_NO_INVALID.message}</View>}
        {error && <View className='field-error'>{error}</View>}
        <Button className='action' type='primary' block loading={loading} disabled={loading} onClick={() => void search()}>
          查询
        </Button>
        <Text className='muted'>查询码在提交成功页和「我的诉求」里都能看到，不用登录就能查。</Text>
      </View>
      {result && <TrackResultCard result={result} />}
    </View>
  )
}
