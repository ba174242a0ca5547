import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ACTION_RULES } from '@xinfang/shared/case-status'
import type { CaseDetail, StaffActionName } from '@xinfang/shared/contracts/cases'
import { isStaffAction } from './action-forms'
import { ActionForm } from './action-form'
import './case.scss'

/**
 * Exactly the actions the server allows this person now (it filters by role, state and
 * jurisdiction); a tap opens that action's form below its button.
 */
export function ActionPanel({ detail, onChange }: { detail: CaseDetail; onChange: (detail: CaseDetail) => void }) {
  const [open, setOpen] = useState<StaffActionName | null>(null)
  const actions = detail.allowedActions.filter(isStaffAction)
  return (
    <View className='card'>
      <View className='section-title'>办理</View>
      {actions.length === 0 && <Text className='muted line'>这件诉求现在没有需要您办理的事项</Text>}
      {actions.map((action) => (
        <View key={action} className='wb-action'>
          <View
            className={open === action ? 'wb-action__button wb-action__button--open' : 'wb-action__button'}
            onClick={() => setOpen(open === action ? null : action)}
          >
            <Text>{ACTION_RULES[action].label}</Text>
            <View className='spacer' />
            <Text className='muted'>{open === action ? '收起' : '›'}</Text>
          </View>
          {open === action && (
            <ActionForm
              action={action}
              detail={detail}
              onDone={(next) => {
                setOpen(null)
                onChange(next)
              }}
            />
          )}
        </View>
      ))}
    </View>
  )
}
