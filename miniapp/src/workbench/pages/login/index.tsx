import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { PASSWORD_MAX, USERNAME_MAX } from '@xinfang/shared/limits'
import { PageShell } from '../../../components/page-shell'
import { goBack } from '../../../routes'
import { useStaffLogin } from '../../features/login/use-staff-login'
import './index.scss'

/** The workbench's door: username and password, then the workbench opens. */
export default function WorkbenchLoginPage() {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, signIn } = useStaffLogin()

  const submit = () => {
    if (!username.trim() || !password) return void Taro.showToast({ title: '请输入用户名和密码', icon: 'none' })
    void signIn(username.trim(), password)
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='section-title line'>工作人员登录</Text>
        <Text className='muted line wb-login__hint'>供各级信访部门、承办单位和网格员办理诉求使用。群众反映问题不需要登录这里。</Text>
        <Text className='field-label line'>用户名</Text>
        <Input className='text-input' value={username} maxlength={USERNAME_MAX} placeholder='例如 jinshui.office' onInput={(e) => setUsername(e.detail.value)} />
        <Text className='field-label line wb-login__label'>密码</Text>
        <Input className='text-input' password value={password} maxlength={PASSWORD_MAX} placeholder='密码' onInput={(e) => setPassword(e.detail.value)} onConfirm={submit} />
        {error && <Text className='field-error line'>{error}</Text>}
        <Button className='action' type='primary' block loading={busy} disabled={busy} onClick={submit}>
          登录工作台
        </Button>
      </View>
      <View className='wb-login__back' onClick={() => void goBack()}>
        <Text className='muted'>返回</Text>
      </View>
    </PageShell>
  )
}
