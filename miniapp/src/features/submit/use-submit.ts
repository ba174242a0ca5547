import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { CosignCreated } from '@xinfang/shared/contracts/cosign'
import { orgName } from '@xinfang/shared/org'
import { ApiError, messageOf } from '../../api/api-error'
import { ensureSignedIn } from '../../platform/login'
import { askNoticeConsent, prepareNoticeConsent } from '../../platform/subscribe'
import { navigateTo } from '../../routes'
import { toCreateCaseBody, toCreateCosignBody, type Draft } from '../../stores/draft'
import { submitCase, submitJointCase } from './api'
import { useFormDraft } from './draft-context'
import { validateDraft, type DraftProblems } from './validate'

/** Registering a joint complaint instead of an ordinary one: the form hands over what the API made. */
export interface JointSubmission {
  onCreated: (created: CosignCreated) => void
}

/** POST /cases, then the result page. */
async function sendCase(draft: Draft, key: string, confirmed: () => void) {
  const created = await submitCase(toCreateCaseBody(draft), key)
  confirmed()
  void navigateTo(
    'submitResult',
    {
      id: created.id,
      no: created.trackingNo,
      to: created.assignments.map((a) => orgName(a.unit, a.region)).join('、'),
      acceptBy: created.deadlines.acceptBy ?? undefined,
      answerBy: created.zoneClock?.answerBy,
      promise: created.zoneClock?.promise,
      joint: created.jointSuggested ? '1' : undefined,
    },
    { replace: true },
  )
}

/**
 * Sends the draft once: the Idempotency-Key is taken from the draft store and kept until the
 * API confirms the case, so "the network dropped, try again" resends the same key and the API
 * answers with the case it already made instead of making a second one.
 */
export function useSubmit(pendingUploads: number, joint?: JointSubmission) {
  const store = useFormDraft()
  const [sending, setSending] = useState(false)
  const [problems, setProblems] = useState<DraftProblems>({})
  const [failure, setFailure] = useState('')
  /** a joint complaint needs a verified identity: the API said this resident has none yet */
  const [needsPhone, setNeedsPhone] = useState(false)
  // the ids must be here before the tap: WeChat opens its dialog only inside one
  useEffect(() => void prepareNoticeConsent(), [])

  const submit = async () => {
    const { draft, takeKey, clear } = store.getState()
    const found = validateDraft(draft, pendingUploads)
    setProblems(found)
    setFailure('')
    if (Object.keys(found).length > 0) {
      void Taro.showToast({ title: Object.values(found)[0] ?? '', icon: 'none' })
      return
    }
    // asked in the tap, beside the send and never holding it up: the case's progress then reaches the resident by message
    void askNoticeConsent()
    setSending(true)
    try {
      if (!(await ensureSignedIn())) return
      if (joint) {
        const created = await submitJointCase(toCreateCosignBody(draft), takeKey())
        clear()
        joint.onCreated(created)
      } else {
        await sendCase(draft, takeKey(), clear)
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IDEMPOTENCY_KEY_REUSED') {
        // the earlier attempt went through with different content: the case exists already
        store.getState().renewKey()
        await Taro.showModal({
          title: '之前的提交可能已经成功',
          content: '请先到「我的诉求」看看有没有这件。如果没有，再点一次提交即可。',
          showCancel: false,
          confirmText: '知道了',
        })
        return
      }
      // a 4xx leaves the key unused, so sending again after verifying is safe
      if (e instanceof ApiError && e.code === 'IDENTITY_NOT_VERIFIED') setNeedsPhone(true)
      // the draft and its key stay as they are: trying again is always safe
      setFailure(messageOf(e))
    } finally {
      setSending(false)
    }
  }

  return { submit, sending, problems, failure, needsPhone }
}
