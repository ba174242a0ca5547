import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { SearchResult } from '@xinfang/shared/contracts/workbench'
import { EmptyState, ErrorBlock, Loading } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { TabBar } from '../../components/tab-bar'
import { usePagedList } from '../../components/use-paged-list'
import { useStaff } from '../../components/use-staff'
import { ListFoot, WorkList } from '../../components/work-list'
import { searchCases } from '../../features/search/api'
import { SearchBox } from '../../features/search/search-box'
import '../../features/search/search.scss'

const MATCHED_BY: Record<SearchResult['matchedBy'], string> = { tracking_no: '查询码', phone: '手机号', keyword: '关键词' }

/** Search the jurisdiction's cases by tracking number, phone number or keyword. */
export default function WorkbenchSearchPage() {
  const staff = useStaff()
  const [query, setQuery] = useState('')
  const [matchedBy, setMatchedBy] = useState<SearchResult['matchedBy'] | null>(null)
  const fetchPage = useCallback(async (cursor: string | null) => {
    const result = await searchCases(query, cursor)
    setMatchedBy(result.matchedBy)
    return result
  }, [query])
  const list = usePagedList(fetchPage)
  const { reload } = list

  useEffect(() => {
    if (query) void reload()
  }, [query, reload])
  useReachBottom(() => void list.loadMore())

  if (!staff) return <PageShell />
  return (
    <PageShell className='wb-page'>
      <SearchBox initial={query} busy={list.phase === 'loading'} onSearch={(q) => (q === query ? void reload() : setQuery(q))} />
      {!query || list.phase === 'idle' ? null : list.phase === 'loading' ? (
        <Loading text='正在搜索…' />
      ) : list.phase === 'error' ? (
        <ErrorBlock message={list.error} onRetry={() => void reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState title='没有找到' hint='换个查询码、手机号或关键词试试' />
      ) : (
        <View>
          <Text className='muted wb-search__found'>
            按{matchedBy ? MATCHED_BY[matchedBy] : '关键词'}找到{list.hasMore ? '以下' : ` ${list.items.length} 件`}诉求
          </Text>
          <WorkList items={list.items} />
          <ListFoot hasMore={list.hasMore} loading={list.loadingMore} onMore={() => void list.loadMore()} />
        </View>
      )}
      <TabBar current='workbenchSearch' />
    </PageShell>
  )
}
