import { useCallback, useState } from 'react'
import type { NoticeSettings, NoticeSettingsView } from '@xinfang/shared/contracts/notice-settings'
import { messageOf } from '../../../api/api-error'
import { getNoticeSettings, saveNoticeSettings } from './api'

/**
 * The settings block's state: what the server holds, each change saved at once. A change the
 * server refused (or never got) is taken back, so the switches never show what is not saved.
 */
export function useNoticeSettings() {
  const [view, setView] = useState<NoticeSettingsView | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    try {
      setView(await getNoticeSettings())
      setError('')
    } catch (e) {
      setError(messageOf(e))
    }
  }, [])

  const change = async (patch: (settings: NoticeSettings) => NoticeSettings) => {
    if (!view || saving) return
    const before = view
    const next = patch(view.settings)
    setView({ ...view, settings: next })
    setSaving(true)
    try {
      setView(await saveNoticeSettings(next))
      setError('')
    } catch (e) {
      setView(before)
      setError(messageOf(e))
    } finally {
      setSaving(false)
    }
  }

  return { view, saving, error, load, change }
}
