import { Input, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import { ACTION_RULES } from '@xinfang/shared/case-status'
import type { AssignTarget, CaseDetail, StaffActionName } from '@xinfang/shared/contracts/cases'
import { actionKey, useCaseWrite } from '../../../components/use-case-write'
import { askNoticeConsent, prepareNoticeConsent } from '../../../platform/subscribe'
import { formBody, formProblem, visibleFields, type FieldSpec, type FormValues } from './action-forms'
import { takeAction } from './api'
import { AssigneePicker } from './assignee-picker'
import { ReplyDraft } from './reply-draft'
import './case.scss'

const textOf = (value: unknown) => (typeof value === 'string' ? value : '')

/** One field of an action form, drawn by its kind. */
function Field({ field, caseId, value, onChange }: { field: FieldSpec; caseId: string; value: unknown; onChange: (value: unknown) => void }) {
  if (field.kind === 'text') {
    return (
      <Textarea
        className='wb-textarea'
        value={textOf(value)}
        maxlength={field.max}
        placeholder={field.placeholder ?? (field.min > 0 ? `至少${field.min}个字` : '')}
        onInput={(e) => onChange(e.detail.value)}
      />
    )
  }
  if (field.kind === 'days') {
    return <Input className='text-input' type='number' value={typeof value === 'string' ? value : ''} maxlength={2} placeholder={`${field.min}–${field.max}`} onInput={(e) => onChange(e.detail.value)} />
  }
  if (field.kind === 'switch') {
    return <Switch checked={value === true} color='#1f5fbf' onChange={(e) => onChange(e.detail.value)} />
  }
  if (field.kind === 'target') {
    return <AssigneePicker caseId={caseId} value={(value as AssignTarget | undefined) ?? null} onChange={onChange} />
  }
  return (
    <View>
      {field.options.map((o) => (
        <View key={String(o.value)} className={value === o.value ? 'wb-option wb-option--on' : 'wb-option'} onClick={() => onChange(o.value)}>
          <Text className='wb-option__label'>{o.label}</Text>
          {o.hint && <Text className='wb-option__hint'>{o.hint}</Text>}
        </View>
      ))}
    </View>
  )
}

/** The form of one staff action; sends it with one Idempotency-Key per opened form. */
export function ActionForm({ action, detail, onDone }: { action: StaffActionName; detail: CaseDetail; onDone: (detail: CaseDetail) => void }) {
  const [values, setValues] = useState<FormValues>({})
  const { sending, run } = useCaseWrite(onDone)
  const [key] = useState(() => actionKey(action, detail.id))
  const label = ACTION_RULES[action].label
  useEffect(() => void prepareNoticeConsent(), [])

  const send = async () => {
    const problem = formProblem(action, values)
    if (problem) return void Taro.showToast({ title: problem, icon: 'none', duration: 2500 })
    // a tap staff make anyway: one more work notice let through, asked beside the action, not before it
    void askNoticeConsent()
    await run(() => takeAction(detail.id, action, formBody(action, values), key), '已办理')
  }

  return (
    <View className='wb-form'>
      {visibleFields(action, values).map((field) => (
        <View key={field.name} className={field.kind === 'switch' ? 'wb-field row' : 'wb-field'}>
          <Text className={field.kind === 'switch' ? 'field-label spacer' : 'field-label line'}>{field.label}</Text>
          {field.kind === 'text' && field.drafted && (
            <ReplyDraft caseId={detail.id} text={textOf(values[field.name])} onText={(text) => setValues((v) => ({ ...v, [field.name]: text }))} />
          )}
          <Field field={field} caseId={detail.id} value={values[field.name]} onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))} />
        </View>
      ))}
      <Button className='action' type='primary' block loading={sending} disabled={sending} onClick={send}>
        确认{label}
      </Button>
    </View>
  )
}
