import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { messageOf } from '../../../api/api-error'
import { ErrorBlock, Loading } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { CaseTimeline } from '../../../components/timeline'
import { getCase } from '../../../features/case-detail/api'
import { CaseSummary } from '../../../features/case-detail/case-summary'
import { paramOf } from '../../../routes'
import { useStaff } from '../../components/use-staff'
import { ActionPanel } from '../../features/case/action-panel'
import { CaseBrief } from '../../features/case/case-brief'
import { CaseFacts } from '../../features/case/case-facts'
import { ResidentBlock } from '../../features/case/resident-block'

/** A case as staff work it: what was asked, who asked, where it stands, and what they may do. */
export default function WorkbenchCasePage() {
  const staff = useStaff()
  const id = paramOf(useRouter().params, 'id') ?? ''
  const [detail, setDetail] = useState<CaseDetail | null>(null)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    setError('')
    try {
      setDetail(await getCase(id))
    } catch (e) {
      setError(messageOf(e))
      // with the case already on screen, say it in a toast instead of replacing it
      void Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }, [id])

  useEffect(() => {
    if (staff) void load()
  }, [staff, load])
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (!staff) return <PageShell />
  if (!detail) return <PageShell>{error ? <ErrorBlock message={error} onRetry={load} /> : <Loading />}</PageShell>
  return (
    <PageShell>
      <CaseSummary detail={detail} />
      <CaseBrief caseId={detail.id} />
      <ActionPanel detail={detail} onChange={setDetail} />
      <ResidentBlock detail={detail} />
      <CaseFacts detail={detail} />
      <View className='card'>
        <View className='section-title'>办理过程</View>
        <CaseTimeline entries={detail.timeline} />
      </View>
    </PageShell>
  )
}
