import { Text, View } from '@tarojs/components'
import { useSessionStore } from '../../stores/session-store'
import { navigateTo } from '../../routes'
import './settings.scss'

/**
 * The way into the staff workbench (a subpackage, downloaded only when opened): straight in
 * with a staff session, else to its login page. Kept to a link so the main package stays small.
 */
export function StaffEntry() {
  const isStaff = useSessionStore((s) => s.user?.kind === 'staff')
  return (
    <View
      className='card row setting staff-entry'
      hoverClass='staff-entry--pressed'
      onClick={() => void navigateTo(isStaff ? 'workbenchHome' : 'workbenchLogin', {})}
    >
      <Text className='setting__title'>{isStaff ? '进入工作台' : '工作人员入口'}</Text>
      <View className='spacer' />
      <Text className='muted'>›</Text>
    </View>
  )
}
