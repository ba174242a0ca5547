import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { REVEAL_FIELDS, type RevealField } from '@xinfang/shared/workbench'
import { messageOf } from '../../../api/api-error'
import { revealField } from './api'
import './case.scss'

interface Row {
  field: RevealField
  label: string
  masked: string
  tap: string
}

/**
 * Who raised the case, masked. Seeing a full value is one tap, and every such view is recorded on
 * the server (who, when, which case); anonymous cases show nothing to handling units.
 */
export function ResidentBlock({ detail }: { detail: CaseDetail }) {
  const [shown, setShown] = useState<Partial<Record<RevealField, string>>>({})
  const [busy, setBusy] = useState<RevealField | null>(null)
  const { resident } = detail

  const rows: Row[] = [
    ...(resident?.name ? [{ field: 'residentName' as const, label: REVEAL_FIELDS.residentName, masked: resident.name, tap: '查看全名' }] : []),
    ...(resident?.phone ? [{ field: 'residentPhone' as const, label: REVEAL_FIELDS.residentPhone, masked: resident.phone, tap: '查看完整号码' }] : []),
    ...(detail.contactPhone ? [{ field: 'contactPhone' as const, label: REVEAL_FIELDS.contactPhone, masked: detail.contactPhone, tap: '查看完整号码' }] : []),
  ]

  const reveal = async (field: RevealField) => {
    setBusy(field)
    try {
      const result = await revealField(detail.id, field)
      setShown((s) => ({ ...s, [field]: result.value ?? '未填写' }))
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='card'>
      <View className='section-title'>反映人</View>
      {rows.length === 0 && <Text className='muted line'>{detail.anonymous ? '匿名诉求：看不到反映人的姓名和电话' : '没有反映人的信息'}</Text>}
      {rows.map((row) => (
        <View key={row.field} className='row wb-pii'>
          <Text className='wb-pii__label'>{row.label}</Text>
          <Text className='wb-pii__value' userSelect>
            {shown[row.field] ?? row.masked}
          </Text>
          <View className='spacer' />
          {shown[row.field] === undefined && (
            <Text className='wb-pii__tap' onClick={() => busy === null && void reveal(row.field)}>
              {busy === row.field ? '正在查看…' : row.tap}
            </Text>
          )}
        </View>
      ))}
      {resident && <Text className='muted line'>{resident.verified ? '已实名认证' : '未实名认证'}</Text>}
      {rows.length > 0 && (
        <Text className='muted line wb-pii__note'>
          {Object.keys(shown).length > 0 ? '本次查看已留痕记录。' : '查看完整信息会留痕记录（查看人、时间、诉求）。'}仅用于办理本诉求。
        </Text>
      )}
    </View>
  )
}
