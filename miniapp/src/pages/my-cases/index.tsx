import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { EmptyState, ErrorBlock, Loading } from '../../components/feedback'
import { PageShell } from '../../components/page-shell'
import { CaseList } from '../../features/my-cases/case-list'
import { ListFoot } from '../../features/my-cases/list-foot'
import { useMyCases } from '../../features/my-cases/use-my-cases'
import { navigateTo } from '../../routes'

export default function MyCasesPage() {
  const { items, phase, error, hasMore, loadingMore, moreError, reload, loadMore } = useMyCases()

  // a tab page stays alive: refresh whenever it comes back into view (e.g. after submitting)
  useDidShow(() => void reload())
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))
  // after a failed page only the retry button asks again: scrolling should not hammer a bad network
  useReachBottom(() => {
    if (!moreError) void loadMore()
  })

  return (
    <PageShell>
      {phase === 'loading' || phase === 'idle' ? (
        <Loading />
      ) : phase === 'error' ? (
        <ErrorBlock message={error} onRetry={reload} />
      ) : phase === 'signed-out' ? (
        <EmptyState title='请先登录' hint='登录后可以看到您提交过的诉求' />
      ) : phase === 'staff' ? (
        <EmptyState title='您正以工作人员身份登录' hint='在「我的」退出登录后，可以看到自己提交的诉求' action='进入工作台' onAction={() => navigateTo('workbenchHome', {})} />
      ) : items.length === 0 ? (
        <EmptyState title='您还没有提交过诉求' hint='遇到问题，说出来，我们帮您找对部门' action='我要反映' onAction={() => navigateTo('submit', {})} />
      ) : (
        <View>
          <CaseList items={items} />
          <ListFoot hasMore={hasMore} loading={loadingMore} error={moreError} onMore={() => void loadMore()} />
        </View>
      )}
    </PageShell>
  )
}
