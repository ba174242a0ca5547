import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useRef } from 'react'
import { EmptyState, ErrorBlock, Loading } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { TabBar } from '../../components/tab-bar'
import { usePagedList } from '../../components/use-paged-list'
import { useStaff } from '../../components/use-staff'
import { ListFoot, WorkList } from '../../components/work-list'
import { listQueue } from '../../features/queue/api'
import { QueueTabs } from '../../features/queue/queue-tabs'
import { TodayPanel } from '../../features/queue/today-panel'
import { useSummary } from '../../features/queue/use-summary'
import { ZoneStatsPanel } from '../../features/queue/zone-stats-panel'
import { useQueueStore } from '../../stores/queue-store'

/** 我的队列: today in the jurisdiction, and the four queues of work. */
export default function WorkbenchHomePage() {
  const staff = useStaff()
  const bucket = useQueueStore((s) => s.bucket)
  const showBucket = useQueueStore((s) => s.showBucket)
  const summary = useSummary()
  const fetchPage = useCallback((cursor: string | null) => listQueue(bucket, cursor), [bucket])
  const list = usePagedList(fetchPage)
  const { reload } = list

  useEffect(() => {
    if (staff) void summary.reload()
  }, [staff, summary.reload])
  // on opening, and on every change of queue tab
  useEffect(() => {
    if (staff) void reload()
  }, [staff, reload])
  // coming back from a case after acting on it: counts and queues have moved
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && staff) void Promise.all([summary.reload(), reload({ quiet: true })])
    shown.current = true
  })
  usePullDownRefresh(() => void Promise.all([summary.reload(), reload({ quiet: true })]).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void list.loadMore())

  if (!staff) return <PageShell />
  return (
    <PageShell className='wb-page'>
      <TodayPanel summary={summary.summary} error={summary.error} />
      <QueueTabs current={bucket} counts={summary.summary?.counts ?? null} onPick={showBucket} />
      {bucket === 'zones' && <ZoneStatsPanel />}
      {list.phase === 'loading' || list.phase === 'idle' ? (
        <Loading />
      ) : list.phase === 'error' ? (
        <ErrorBlock message={list.error} onRetry={() => void reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState title='这里没有诉求' hint='下拉可以刷新' />
      ) : (
        <View>
          <WorkList items={list.items} />
          <ListFoot hasMore={list.hasMore} loading={list.loadingMore} onMore={() => void list.loadMore()} />
        </View>
      )}
      <TabBar current='workbenchHome' />
    </PageShell>
  )
}
