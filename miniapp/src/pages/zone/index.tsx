import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { zoneRule } from '@xinfang/shared/zone-rules'
import { ErrorBlock } from '../../components/feedback'
import { PageShell } from '../../components/page-shell'
import { SubmitForm } from '../../features/submit/submit-form'
import { ZoneHeader } from '../../features/zone/zone-header'
import { zoneEntryOf } from '../../lib/zone-link'
import { navigateTo, paramOf } from '../../routes'
import { zoneDraftStores } from '../../stores/draft-store'

/** A livelihood zone's own page: what it promises, then its form. Opened from the home page or a zone's QR code. */
export default function ZonePage() {
  const { params } = useRouter()
  const query = { zone: paramOf(params, 'zone'), pick: paramOf(params, 'pick'), scene: paramOf(params, 'scene') }
  const entry = zoneEntryOf(query)

  // what the code chose goes on the zone's draft; the rest of the draft is kept
  useEffect(() => {
    const opened = zoneEntryOf(query)
    if (!opened) return
    zoneDraftStores[opened.zone].getState().presetZone(opened.zone, opened.picked)
    void Taro.setNavigationBarTitle({ title: `民生专区 · ${zoneRule(opened.zone).name}` })
    // again only when the query's strings change: a new scan opens the page with new ones
  }, [query.zone, query.pick, query.scene])

  if (!entry) {
    return (
      <PageShell>
        <ErrorBlock message='这个专区链接不完整，请从首页进入民生专区' retryText='回到首页' onRetry={() => navigateTo('home', {})} />
      </PageShell>
    )
  }
  return (
    <PageShell>
      <ZoneHeader zone={entry.zone} />
      <SubmitForm zone={entry.zone} />
    </PageShell>
  )
}
