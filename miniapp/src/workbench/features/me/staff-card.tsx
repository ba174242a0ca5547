import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { Role } from '@xinfang/shared/case-status'
import type { StaffUser } from '@xinfang/shared/contracts/auth'
import { logout } from '../../../api/auth'
import { relaunch } from '../../../routes'
import { useSessionStore } from '../../../stores/session-store'
import './me.scss'

const ROLE_NAMES: Partial<Record<Role, string>> = {
  office: '信访部门工作人员',
  handler: '承办单位工作人员',
  grid: '网格员',
  supervisor: '督查人员',
  leader: '领导',
  admin: '系统管理员',
}

/** Who is signed in to the workbench, the way back to the resident app, and signing out. */
export function StaffCard({ staff }: { staff: StaffUser }) {
  const [busy, setBusy] = useState(false)

  const signOut = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '退出后回到群众端，再进工作台需要重新登录。', confirmText: '退出' })
    if (!confirm) return
    setBusy(true)
    const { refreshToken, clear } = useSessionStore.getState()
    // the session ends on this phone even when the network is down; the refresh token then expires
    if (refreshToken) await logout(refreshToken).catch(() => undefined)
    // leave the workbench first: cleared while it is on screen, it would send this page to its login
    await relaunch('settings')
    clear()
  }

  return (
    <View className='card'>
      <Text className='wb-me__name line'>{staff.displayName}</Text>
      <Text className='muted line'>{ROLE_NAMES[staff.role] ?? staff.role} · {staff.unitName}</Text>
      <Text className='muted line'>辖区：{staff.regionName} · 账号 {staff.username}</Text>
      <Button className='action' type='default' block onClick={() => void relaunch('home')}>
        回到群众端首页
      </Button>
      <Button className='action' type='default' block loading={busy} disabled={busy} onClick={signOut}>
        退出登录
      </Button>
    </View>
  )
}
