import { PageShell } from '../../../components/page-shell'
import { LargeFontSwitch } from '../../../features/settings/large-font-switch'
import { TabBar } from '../../components/tab-bar'
import { useStaff } from '../../components/use-staff'
import { NoticeSettingsCard } from '../../features/me/notice-settings-card'
import { StaffCard } from '../../features/me/staff-card'

export default function WorkbenchMePage() {
  const staff = useStaff()
  if (!staff) return <PageShell />
  return (
    <PageShell className='wb-page'>
      <StaffCard staff={staff} />
      <NoticeSettingsCard />
      <LargeFontSwitch />
      <TabBar current='workbenchMe' />
    </PageShell>
  )
}
