import Taro from '@tarojs/taro'
import { useState } from 'react'
import { orgName } from '@xinfang/shared/org'
import { ApiError, messageOf } from '../../api/api-error'
import { ensureSignedIn } from '../../platform/login'
import { navigateTo } from '../../routes'
import { toCreateCaseBody } from '../../stores/draft'
import { useDraftStore } from '../../stores/draft-store'
import { submitCase } from './api'
import { validateDraft, type DraftProblems } from './validate'

/**
 * Sends the draft once: the Idempotency-Key is taken from the draft store and kept until the
 * API confirms the case, so "the network dropped, try again" resends the same key and the API
 * answers with the case it already made instead of making a second one.
 */
export function useSubmit(pendingUploads: number) {
  const [sending, setSending] = useState(false)
  const [problems, setProblems] = useState<DraftProblems>({})
  const [failure, setFailure] = useState('')

  const submit = async () => {
    const { draft, takeKey } = useDraftStore.getState()
    const found = validateDraft(draft, pendingUploads)
    setProblems(found)
    setFailure('')
    if (Object.keys(found).length > 0) {
      void Taro.showToast({ title: Object.values(found)[0] ?? '', icon: 'none' })
      return
    }
    setSending(true)
    try {
      if (!(await ensureSignedIn())) return
      const created = await submitCase(toCreateCaseBody(draft), takeKey())
      useDraftStore.getState().clear()
      void navigateTo(
        'submitResult',
        {
          id: created.id,
          no: created.trackingNo,
          to: created.assignments.map((a) => orgName(a.unit, a.region)).join('、'),
          acceptBy: created.deadlines.acceptBy ?? undefined,
        },
        { replace: true },
      )
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IDEMPOTENCY_KEY_REUSED') {
        // the earlier attempt went through with different content: the case exists already
        useDraftStore.getState().renewKey()
        await Taro.showModal({
          title: '之前的提交可能已经成功',
          content: '请先到「我的诉求」看看有没有这件。如果没有，再点一次提交即可。',
          showCancel: false,
          confirmText: '知道了',
        })
        return
      }
      // the draft and its key stay as they are: trying again is always safe
      setFailure(messageOf(e))
    } finally {
      setSending(false)
    }
  }

  return { submit, sending, problems, failure }
}
