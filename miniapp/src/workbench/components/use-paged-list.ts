import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { messageOf } from '../../api/api-error'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

type Phase = 'idle' | 'loading' | 'ready' | 'error'

/**
 * Cursor paging: reload from the top, or append the next page. A reload supersedes whatever is
 * in flight (switching queue tabs quickly), so an older answer never overwrites a newer one.
 */
export function usePagedList<T extends { id: string }>(fetchPage: (cursor: string | null) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [phase, setPhase] = useState<Phase>('idle')
  const [error, setError] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const generation = useRef(0)

  /** `quiet`: keep the list on screen while it refreshes (pull to refresh, coming back to the page). */
  const reload = useCallback(async ({ quiet = false }: { quiet?: boolean } = {}) => {
    const mine = ++generation.current
    setPhase((p) => (quiet && p === 'ready' ? p : 'loading'))
    try {
      const page = await fetchPage(null)
      if (mine !== generation.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
      setPhase('ready')
    } catch (e) {
      if (mine !== generation.current) return
      setError(messageOf(e))
      setPhase('error')
    }
  }, [fetchPage])

  const loadMore = useCallback(async () => {
    if (loadingMore || !cursor || phase !== 'ready') return
    const mine = generation.current
    setLoadingMore(true)
    try {
      const page = await fetchPage(cursor)
      if (mine !== generation.current) return
      setItems((current) => [...current, ...page.items.filter((c) => !current.some((x) => x.id === c.id))])
      setCursor(page.nextCursor)
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setLoadingMore(false)
    }
  }, [cursor, fetchPage, loadingMore, phase])

  return { items, phase, error, hasMore: cursor !== null, loadingMore, reload, loadMore }
}
