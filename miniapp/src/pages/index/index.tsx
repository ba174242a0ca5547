import { Text, View } from '@tarojs/components'
import { PageShell } from '../../components/page-shell'
import { QuickActions } from '../../features/home/quick-actions'
import { MoreServices } from '../../features/home/more-services'
import { ZoneGrid } from '../../features/home/zone-grid'

export default function HomePage() {
  return (
    <PageShell>
      <View className='home-head'>
        <Text className='home-head__title'>有事您说话</Text>
        <Text className='home-head__hint'>扫码事儿能说、进度能看、结果能评</Text>
      </View>
      <QuickActions />
      <ZoneGrid />
      <MoreServices />
    </PageShell>
  )
}
