import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { messageOf } from '../../api/api-error'
import { PageShell } from '../../components/page-shell'
import { devSignIn } from '../../platform/login'
import { goBack } from '../../routes'
import './index.scss'

/**
 * H5 outside the city app only. Inside it, the city app's bridge signs the resident in without
 * this page (src/platform/city-app-bridge.ts). Here a typed name becomes the ticket
 * `dev:<name>`, which only the platform mocks accept: for development and tests.
 */
export default function DevLoginPage() {
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)

  const signIn = async () => {
    if (!name.trim()) return void Taro.showToast({ title: '请输入姓名', icon: 'none' })
    setBusy(true)
    try {
      await devSignIn(name)
      void Taro.showToast({ title: '已登录', icon: 'success' })
      await goBack()
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='section-title'>请登录</Text>
        <Text className='muted dev-login__hint'>
          在城市App里打开时会自动登录。现在不在城市App里（开发或测试环境），请输入姓名登录测试账号。
        </Text>
        <Input className='text-input' value={name} maxlength={20} placeholder='姓名，例如 王芳' onInput={(e) => setName(e.detail.value)} onConfirm={signIn} />
        <Button className='action' type='primary' block loading={busy} onClick={signIn}>
          登录
        </Button>
      </View>
    </PageShell>
  )
}
