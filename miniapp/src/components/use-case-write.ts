import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { messageOf } from '../api/api-error'

/**
 * The Idempotency-Key of one write on a case. A form makes it once, when it opens, and every
 * retry of that form sends it again, so a double tap or a lost answer is applied once.
 */
export const actionKey = (action: string, id: string) => `${action}-${id}-${Date.now().toString(36)}`

/**
 * A write on a case (a resident's rating, a staff action): one at a time, a toast either way,
 * and the case as the API now has it handed back. The API's message is shown as it is.
 */
export function useCaseWrite(onDone: (detail: CaseDetail) => void) {
  const [sending, setSending] = useState(false)
  const run = async (write: () => Promise<CaseDetail>, success: string) => {
    setSending(true)
    try {
      const detail = await write()
      void Taro.showToast({ title: success, icon: 'success' })
      onDone(detail)
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none', duration: 3000 })
    } finally {
      setSending(false)
    }
  }
  return { sending, run }
}
