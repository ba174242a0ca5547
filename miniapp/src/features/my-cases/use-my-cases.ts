import { useCallback, useRef, useState } from 'react'
import type { CaseSummary } from '@xinfang/shared/contracts/cases'
import { messageOf } from '../../api/api-error'
import { ensureSignedIn } from '../../platform/login'
import { useSessionStore } from '../../stores/session-store'
import { listMyCases } from './api'

type Phase = 'idle' | 'loading' | 'ready' | 'error' | 'signed-out' | 'staff'

/**
 * Cursor paging over the resident's cases: reload from the top, or append the next page. A next
 * page that fails leaves the list and the cursor as they were and says why (`moreError`), so
 * trying again asks for the same page; items already on the list are never added twice.
 */
export function useMyCases() {
  const [items, setItems] = useState<CaseSummary[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [phase, setPhase] = useState<Phase>('idle')
  const [error, setError] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState('')
  const busy = useRef(false)

  const reload = useCallback(async () => {
    if (busy.current) return
    busy.current = true
    setPhase((p) => (p === 'ready' ? p : 'loading'))
    try {
      if (!(await ensureSignedIn())) return setPhase('signed-out')
      // for staff the same route lists their jurisdiction's cases, which are not "my" cases
      if (useSessionStore.getState().user?.kind === 'staff') return setPhase('staff')
      const page = await listMyCases()
      setItems(page.items)
      setCursor(page.nextCursor)
      setMoreError('')
      setPhase('ready')
    } catch (e) {
      setError(messageOf(e))
      setPhase('error')
    } finally {
      busy.current = false
    }
  }, [])

  const loadMore = useCallback(async () => {
    if (busy.current || !cursor) return
    busy.current = true
    setLoadingMore(true)
    setMoreError('')
    try {
      const page = await listMyCases(cursor)
      setItems((current) => [...current, ...page.items.filter((c) => !current.some((x) => x.id === c.id))])
      setCursor(page.nextCursor)
    } catch (e) {
      setMoreError(messageOf(e))
    } finally {
      busy.current = false
      setLoadingMore(false)
    }
  }, [cursor])

  return { items, phase, error, hasMore: cursor !== null, loadingMore, moreError, reload, loadMore }
}
