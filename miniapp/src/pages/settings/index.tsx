import { Text, View } from '@tarojs/components'
import { PageShell } from '../../components/page-shell'
import { AccountCard } from '../../features/settings/account-card'
import { LargeFontSwitch } from '../../features/settings/large-font-switch'
import { StaffEntry } from '../../features/settings/staff-entry'

export default function SettingsPage() {
  return (
    <PageShell>
      <AccountCard />
      <LargeFontSwitch />
      <StaffEntry />
      <View className='card'>
        <Text className='muted'>郑州市信访局 · 智慧信访。您的电话和姓名加密保存，只有办理您诉求的工作人员能看到。</Text>
      </View>
    </PageShell>
  )
}
