import { useEffect } from 'react'
import type { StaffUser } from '@xinfang/shared/contracts/auth'
import { navigateTo } from '../../routes'
import { useSessionStore } from '../../stores/session-store'

/**
 * The signed-in staff member, or null while a page sends anyone else (signed out, a resident) to
 * the workbench login. The API refuses them anyway; this spares them a page of errors.
 */
export function useStaff(): StaffUser | null {
  const user = useSessionStore((s) => s.user)
  const staff = user?.kind === 'staff' ? user : null
  useEffect(() => {
    if (!staff) void navigateTo('workbenchLogin', {}, { replace: true })
  }, [staff])
  return staff
}
