import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { CosignPublic } from '@xinfang/shared/contracts/cosign'
import { ApiError, messageOf } from '../../api/api-error'
import { ensureSignedIn, signedInQuietly } from '../../platform/login'
import { useSessionStore } from '../../stores/session-store'
import { closeCosign, getCosign, signCosign, withdrawCosign } from './api'

/** Answers that mean the page is out of date (signed elsewhere, closed meanwhile): say why, then reload. */
const STALE = new Set(['COSIGN_ALREADY_SIGNED', 'COSIGN_NOT_SIGNED', 'COSIGN_CLOSED', 'COSIGN_REPRESENTATIVE_SIGNED'])

const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 3000 })

/** One joint complaint as the resident sees it, and what they can do on it. */
export function useCosign(token: string) {
  const [view, setView] = useState<CosignPublic | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const user = useSessionStore((s) => s.user)
  const signedIn = useSessionStore((s) => s.token !== null)
  /** the session's user as it was when the API refused a signature for want of a verified identity */
  const [refusedFor, setRefusedFor] = useState<typeof user>(null)
  /**
   * Known before the tap where the session says so: the phone-number button is then the one
   * tap that verifies and signs, instead of a 联名 tap the API could only refuse. A refusal
   * holds until the session's user changes (a phone verified).
   */
  const needsPhone = (refusedFor !== null && refusedFor === user) || (user?.kind === 'resident' && !user.phoneVerified)

  /**
   * Signed in quietly first where the platform can (mini-programs, the city app), so the page
   * knows at once whether this resident signed already or started it, and 联名 signs in one tap.
   */
  const load = useCallback(async () => {
    setError('')
    try {
      await signedInQuietly().catch(() => false)
      setView(await getCosign(token))
    } catch (e) {
      setError(messageOf(e))
    }
  }, [token])

  /** Runs one write; the API's own words on failure, and a fresh view when ours was stale. */
  const write = async (run: () => Promise<void>) => {
    setBusy(true)
    try {
      await run()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IDENTITY_NOT_VERIFIED') {
        setRefusedFor(useSessionStore.getState().user)
        return
      }
      toast(messageOf(e))
      if (e instanceof ApiError && STALE.has(e.code)) await load()
    } finally {
      setBusy(false)
    }
  }

  const sign = () =>
    write(async () => {
      if (!(await ensureSignedIn())) return
      const { count } = await signCosign(token)
      setView((v) => v && { ...v, count, mine: { signed: true, representative: false } })
      void Taro.showToast({ title: '联名成功', icon: 'success' })
    })

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({ title: '撤回联名', content: '撤回后联名人数减一。以后还可以再联名。', confirmText: '撤回' })
    if (!confirm) return
    await write(async () => {
      const { count } = await withdrawCosign(token)
      setView((v) => v && { ...v, count, mine: { signed: false, representative: false } })
      void Taro.showToast({ title: '已撤回', icon: 'none' })
    })
  }

  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '结束联名',
      content: '结束后邻居就不能再联名了，已有的联名人数保留，诉求照常办理。确定结束吗？',
      confirmText: '结束联名',
    })
    if (!confirm) return
    await write(async () => setView(await closeCosign(token)))
  }

  return { view, error, busy, signedIn, needsPhone, load, sign, withdraw, close }
}

export type Cosign = ReturnType<typeof useCosign>
