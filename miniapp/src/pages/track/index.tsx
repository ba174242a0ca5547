import { useRouter } from '@tarojs/taro'
import { PageShell } from '../../components/page-shell'
import { TrackView } from '../../features/track/track-view'
import { paramOf } from '../../routes'

export default function TrackPage() {
  const no = paramOf(useRouter().params, 'no')
  return (
    <PageShell>
      <TrackView initialNo={no} />
    </PageShell>
  )
}
