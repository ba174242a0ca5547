import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { maskName } from '@xinfang/shared/masking'
import { messageOf } from '../../api/api-error'
import { logout } from '../../api/auth'
import { ensureSignedIn } from '../../platform/login'
import { useSessionStore } from '../../stores/session-store'
import './settings.scss'

const PLATFORM_NAMES = { wechat: '微信', alipay: '支付宝', cityapp: '城市App' } as const

/** Who is signed in (name masked), and signing in or out. */
export function AccountCard() {
  const user = useSessionStore((s) => s.user)
  const [busy, setBusy] = useState(false)

  const signIn = async () => {
    setBusy(true)
    try {
      await ensureSignedIn()
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const signOut = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '退出后，查看自己的诉求需要重新登录。', confirmText: '退出' })
    if (!confirm) return
    setBusy(true)
    const { refreshToken, clear } = useSessionStore.getState()
    try {
      // the session ends on this phone even when the network is down; the server's refresh
      // token then simply expires
      if (refreshToken) await logout(refreshToken).catch(() => undefined)
    } finally {
      clear()
      setBusy(false)
      void Taro.showToast({ title: '已退出登录', icon: 'none' })
    }
  }

  if (!user) {
    return (
      <View className='card'>
        <Text className='account__name'>未登录</Text>
        <Text className='muted line'>登录后可以提交诉求、查看自己的诉求</Text>
        <Button className='action' type='primary' loading={busy} onClick={signIn} block>
          登录
        </Button>
      </View>
    )
  }
  return (
    <View className='card'>
      <Text className='muted line'>当前登录</Text>
      <Text className='account__name'>{maskName(user.displayName)}</Text>
      {user.kind === 'resident' && (
        <Text className='muted line'>
          {PLATFORM_NAMES[user.platform]}账号 · {user.verified ? '已实名认证' : '未实名认证'}
        </Text>
      )}
      <Button className='action' type='default' loading={busy} onClick={signOut} block>
        退出登录
      </Button>
    </View>
  )
}
