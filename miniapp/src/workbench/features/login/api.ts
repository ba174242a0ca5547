import type { AuthResult } from '@xinfang/shared/contracts/auth'
import { api } from '../../../api/http'

/** Staff sign in with the username and password their office gave them. */
export const loginAsStaff = (username: string, password: string) =>
  api.post<AuthResult>('/api/v1/auth/staff', { username, password }, { auth: false })
