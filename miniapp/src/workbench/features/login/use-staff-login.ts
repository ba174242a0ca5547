import { useState } from 'react'
import { messageOf } from '../../../api/api-error'
import { logout } from '../../../api/auth'
import { miniProgramLoginCode } from '../../../platform/login'
import { relaunch } from '../../../routes'
import { useSessionStore } from '../../../stores/session-store'
import { loginAsStaff } from './api'

/**
 * Signs a staff member in; from a mini-program, its login code goes along so work notices
 * reach this person there. The session replaces whoever was signed in on this phone (a resident's
 * session is ended on the server too, best effort), then the workbench opens as a fresh stack.
 */
export function useStaffLogin() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const signIn = async (username: string, password: string) => {
    setBusy(true)
    setError('')
    try {
      const miniProgram = await miniProgramLoginCode()
      const result = await loginAsStaff(miniProgram ? { username, password, miniProgram } : { username, password })
      const previous = useSessionStore.getState().refreshToken
      useSessionStore.getState().signedIn(result)
      if (previous) void logout(previous).catch(() => undefined)
      await relaunch('workbenchHome')
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, signIn }
}
