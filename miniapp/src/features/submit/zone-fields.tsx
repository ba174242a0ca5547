import { Input, Picker, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ZoneCode } from '@xinfang/shared/catalog'
import { chinaDateString } from '@xinfang/shared/deadlines'
import { ZONE_ASKS, ZONE_TRIAGES, zoneRule, type ZoneAsk, type ZoneField } from '@xinfang/shared/zone-rules'
import { listHeatStations, listHousingProjects } from './api'
import { useDraftState } from './draft-context'
import './submit.scss'

interface Listed {
  code: string
  label: string
}

type ListedKind = 'project' | 'station'

/** Where each picked directory comes from, in the words its picker shows. */
const LISTS: Record<ListedKind, (region: string | undefined) => Promise<Listed[]>> = {
  project: (region) => listHousingProjects(region).then((r) => r.items.map((p) => ({ code: p.id, label: `${p.name}（${p.developer}）` }))),
  station: (region) => listHeatStations(region).then((r) => r.items.map((s) => ({ code: s.code, label: `${s.name}（${s.address}）` }))),
}

/** The housing projects or heat stations a field picks from, for the district chosen (or all). */
function useListed(kind: ListedKind, region: string | null): Listed[] {
  const [items, setItems] = useState<Listed[]>([])
  useEffect(() => {
    let live = true
    // a list that does not load leaves the picker empty; the field's hint says what to do
    LISTS[kind](region ?? undefined).then((list) => live && setItems(list)).catch(() => undefined)
    return () => {
      live = false
    }
  }, [kind, region])
  return items
}

/** A housing project or heat station, picked from the directory the API lists. */
function ListedPicker({ field, kind, value, onChange }: { field: ZoneField; kind: ListedKind; value: string | undefined; onChange: (value: string) => void }) {
  const region = useDraftState((s) => s.draft.region)
  const listed = useListed(kind, region)
  const index = Math.max(0, listed.findIndex((l) => l.code === value))
  const chosen = listed.find((l) => l.code === value)
  return (
    <Picker mode='selector' range={listed.map((l) => l.label)} value={index} onChange={(e) => onChange(listed[Number(e.detail.value)]?.code ?? '')}>
      <View className='picker-box'>
        <Text className={chosen ? '' : 'muted'}>{chosen?.label ?? (value ? '已选好' : `选择${field.label}`)}</Text>
        <Text className='picker-box__arrow'>›</Text>
      </View>
    </Picker>
  )
}

function Chips({ options, value, onPick }: { options: readonly Listed[]; value: string | undefined; onPick: (code: string) => void }) {
  return (
    <View className='chips'>
      {options.map((o) => (
        <View key={o.code} className={`chip ${value === o.code ? 'chip--on' : ''}`} hoverClass='chip--pressed' onClick={() => onPick(o.code)}>
          {o.label}
        </View>
      ))}
    </View>
  )
}

function FieldInput({ field, value, onChange }: { field: ZoneField; value: string | undefined; onChange: (value: string) => void }) {
  const today = chinaDateString(new Date())
  switch (field.kind) {
    case 'choice':
      return <Chips options={(field.options ?? []).map((o) => ({ code: o.code, label: o.label }))} value={value} onPick={onChange} />
    case 'date':
    case 'month':
      return (
        <Picker mode='date' fields={field.kind === 'month' ? 'month' : 'day'} value={value ?? today} end={field.notFuture ? today : undefined} onChange={(e) => onChange(String(e.detail.value))}>
          <View className='picker-box'>
            <Text className={value ? '' : 'muted'}>{value ?? (field.kind === 'month' ? '选择月份' : '选择日期')}</Text>
            <Text className='picker-box__arrow'>›</Text>
          </View>
        </Picker>
      )
    case 'project':
    case 'station':
      return <ListedPicker field={field} kind={field.kind} value={value} onChange={onChange} />
    default:
      return (
        <Input
          className='text-input'
          type={field.kind === 'count' ? 'number' : field.kind === 'text' ? 'text' : 'digit'}
          maxlength={field.maxLength ?? 20}
          value={value ?? ''}
          placeholder={field.hint ?? `填写${field.label}`}
          onInput={(e) => onChange(e.detail.value)}
        />
      )
  }
}

/** What the resident wants, then the zone's own fields, drawn from the zone's rule (shared/zone-rules.ts). */
export function ZoneFields({ zone, error }: { zone: ZoneCode; error?: string }) {
  const rule = zoneRule(zone)
  const ask = useDraftState((s) => s.draft.ask)
  const form = useDraftState((s) => s.draft.zoneForm) ?? {}
  const update = useDraftState((s) => s.update)
  const setZoneField = useDraftState((s) => s.setZoneField)
  const asks = (Object.keys(ZONE_ASKS) as ZoneAsk[]).map((code) => ({ code, label: ZONE_ASKS[code].label }))
  const promise = ZONE_TRIAGES[ZONE_ASKS[ask ?? 'problem'].triage].promise
  return (
    <View className='card'>
      <View className='field-label'>您想办什么？</View>
      <Chips options={asks} value={ask ?? undefined} onPick={(code) => update({ ask: code as ZoneAsk })} />
      <Text className='zone-note'>{ask ? `${promise}` : '咨询、政策、进度1小时内答复；需要办理的3个工作日内答复'}</Text>
      {rule.fields.map((field) => (
        <View key={field.key} className='zone-field'>
          <View className='field-label'>
            {field.label}
            {!field.required && <Text className='muted'>（可不填）</Text>}
          </View>
          <FieldInput field={field} value={form[field.key]} onChange={(value) => setZoneField(field.key, value)} />
          {field.hint && field.kind !== 'text' && <Text className='muted'>{field.hint}</Text>}
        </View>
      ))}
      {error && <View className='field-error'>{error}</View>}
    </View>
  )
}
