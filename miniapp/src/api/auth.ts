import type { AuthResult } from '@xinfang/shared/contracts/auth'
import { api } from './http'

// Sign-in with each platform's credential; the credential comes from src/platform/login.ts.
export const loginWithWechat = (code: string) => api.post<AuthResult>('/api/v1/auth/wechat', { code }, { auth: false })
export const loginWithAlipay = (authCode: string) => api.post<AuthResult>('/api/v1/auth/alipay', { authCode }, { auth: false })
export const loginWithCityApp = (ticket: string) => api.post<AuthResult>('/api/v1/auth/cityapp', { ticket }, { auth: false })
export const logout = (refreshToken: string) => api.post<null>('/api/v1/auth/logout', { refreshToken }, { auth: false })
