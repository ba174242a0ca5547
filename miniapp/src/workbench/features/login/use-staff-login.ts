import { useState } from 'react'
import { messageOf } from '../../../api/api-error'
import { logout } from '../../../api/auth'
import { relaunch } from '../../../routes'
import { useSessionStore } from '../../../stores/session-store'
import { loginAsStaff } from './api'

/**
 * Signs a staff member in. The session replaces whoever was signed in on this phone (a resident's
 * session is ended on the server too, best effort), then the workbench opens as a fresh stack.
 */
export function useStaffLogin() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const signIn = async (username: string, password: string) => {
    setBusy(true)
    setError('')
    try {
      const result = await loginAsStaff(username, password)
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
