import { useCallback, useState } from 'react'
import type { WorkbenchSummary } from '@xinfang/shared/contracts/workbench'
import { messageOf } from '../../../api/api-error'
import { getSummary } from './api'

/** The today panel's figures; a failed refresh keeps the last ones and says why. */
export function useSummary() {
  const [summary, setSummary] = useState<WorkbenchSummary | null>(null)
  const [error, setError] = useState('')
  const reload = useCallback(async () => {
    try {
      setSummary(await getSummary())
      setError('')
    } catch (e) {
      setError(messageOf(e))
    }
  }, [])
  return { summary, error, reload }
}
