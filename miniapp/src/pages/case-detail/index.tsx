import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { messageOf } from '../../api/api-error'
import { ErrorBlock, Loading } from '../../components/feedback'
import { PageShell } from '../../components/page-shell'
import { getCase } from '../../features/case-detail/api'
import { CaseView } from '../../features/case-detail/case-view'
import { ensureSignedIn } from '../../platform/login'
import { paramOf } from '../../routes'

export default function CaseDetailPage() {
  const id = paramOf(useRouter().params, 'id') ?? ''
  const [detail, setDetail] = useState<CaseDetail | null>(null)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    setError('')
    try {
      if (!(await ensureSignedIn())) return
      setDetail(await getCase(id))
    } catch (e) {
      setError(messageOf(e))
      // with the case already on screen, say it in a toast instead of replacing it
      void Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }, [id])

  useEffect(() => void load(), [load])
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  return (
    <PageShell>
      {detail ? <CaseView detail={detail} onChange={setDetail} /> : error ? <ErrorBlock message={error} onRetry={load} /> : <Loading />}
    </PageShell>
  )
}
