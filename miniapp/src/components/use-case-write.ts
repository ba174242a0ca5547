import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { CaseDetail } from '@xinfang/shared/contracts/cases'
import { messageOf } from '../../api/api-error'

/**
 * A resident's write on their case (rating, review request): one at a time, a toast either way,
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
