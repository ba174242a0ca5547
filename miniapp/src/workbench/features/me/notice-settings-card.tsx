import { Picker, Switch, Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import type { NoticeSettings } from '@xinfang/shared/contracts/notice-settings'
import { NoticeConsentRow } from './notice-consent'
import { useNoticeSettings } from './use-notice-settings'
import './me.scss'

type KindKey = 'cosignWarning' | 'dueSoon' | 'overdue'

const KINDS: { key: KindKey; title: string; hint: string }[] = [
  { key: 'cosignWarning', title: '联名预警', hint: '辖区内联名人数达到预警线、短时激增' },
  { key: 'dueSoon', title: '即将超期', hint: '本单位办理的诉求还剩3个工作日内' },
  { key: 'overdue', title: '已超期', hint: '本单位办理的诉求超期、已提请督办' },
]

/** 工作提醒: which notices reach me outside the workbench, when they may not, and where they go. */
export function NoticeSettingsCard() {
  const { view, saving, error, load, change } = useNoticeSettings()
  useEffect(() => {
    void load()
  }, [load])

  if (!view) {
    return (
      <View className='card'>
        <Text className='section-title line'>工作提醒</Text>
        <Text className={error ? 'field-error line' : 'muted line'}>{error || '正在读取设置…'}</Text>
      </View>
    )
  }
  const { settings, delivery } = view
  const quiet = settings.quietHours
  const setQuiet = (patch: Partial<NoticeSettings['quietHours']>) => void change((s) => ({ ...s, quietHours: { ...s.quietHours, ...patch } }))

  return (
    <View className='card'>
      <Text className='section-title line'>工作提醒</Text>
      <Text className='muted line'>发送到：{delivery.label}</Text>
      <NoticeConsentRow />
      {KINDS.map((kind) => (
        <View key={kind.key} className='row wb-notice__row'>
          <View className='wb-notice__text'>
            <Text className='wb-notice__title'>{kind.title}</Text>
            <Text className='muted'>{kind.hint}</Text>
          </View>
          <Switch checked={settings[kind.key]} disabled={saving} color='#1f5fbf' onChange={(e) => void change((s) => ({ ...s, [kind.key]: e.detail.value }))} />
        </View>
      ))}
      <View className='row wb-notice__row'>
        <View className='wb-notice__text'>
          <Text className='wb-notice__title'>免打扰</Text>
          <Text className='muted'>期间的提醒推迟到结束时再发，不会丢</Text>
        </View>
        <Switch checked={quiet.enabled} disabled={saving} color='#1f5fbf' onChange={(e) => setQuiet({ enabled: e.detail.value })} />
      </View>
      {quiet.enabled && (
        <View className='row wb-notice__row'>
          <Picker mode='time' value={quiet.start} disabled={saving} onChange={(e) => setQuiet({ start: String(e.detail.value) })}>
            <Text className='wb-notice__time'>从 {quiet.start}</Text>
          </Picker>
          <Picker mode='time' value={quiet.end} disabled={saving} onChange={(e) => setQuiet({ end: String(e.detail.value) })}>
            <Text className='wb-notice__time'>到 {quiet.end}</Text>
          </Picker>
        </View>
      )}
      {error && <Text className='field-error line'>{error}</Text>}
    </View>
  )
}
