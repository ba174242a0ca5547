import { useState } from 'react'
import type { AssistDraft } from '@xinfang/shared/contracts/assist'
import { messageOf } from '../../../api/api-error'

/** One call to the assistant at a time: waiting, the API's message on failure, the last draft. */
export function useAssist(fetch: () => Promise<AssistDraft>) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [draft, setDraft] = useState<AssistDraft | null>(null)

  const run = async (): Promise<AssistDraft | null> => {
    setBusy(true)
    setError('')
    try {
      const got = await fetch()
      setDraft(got)
      return got
    } catch (e) {
      setError(messageOf(e))
      return null
    } finally {
      setBusy(false)
    }
  }

  return { busy, error, draft, run }
}
