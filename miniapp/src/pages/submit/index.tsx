import { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { isZoneCode } from '@xinfang/shared/catalog'
import { isCategoryCode } from '@xinfang/shared/categories'
import { PageShell } from '../../components/page-shell'
import { SubmitForm } from '../../features/submit/submit-form'
import { paramOf } from '../../routes'
import { useDraftStore } from '../../stores/draft-store'

export default function SubmitPage() {
  const { params } = useRouter()
  const zone = paramOf(params, 'zone')
  const category = paramOf(params, 'category')

  // opened from a livelihood zone: preset it on the draft (the rest of the draft is kept)
  useEffect(() => {
    useDraftStore.getState().preset({
      zone: isZoneCode(zone) ? zone : undefined,
      category: isCategoryCode(category) ? category : undefined,
    })
  }, [zone, category])

  return (
    <PageShell>
      <SubmitForm />
    </PageShell>
  )
}
