import type { AuthResult, StaffLoginBody } from '@xinfang/shared/contracts/auth'
import { api } from '../../../api/http'

/** Staff sign in with the username and password their office gave them; in a mini-program, with its login code too. */
export const loginAsStaff = (body: StaffLoginBody) => api.post<AuthResult>('/api/v1/auth/staff', body, { auth: false })
