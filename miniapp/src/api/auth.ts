import type { AuthResult, PhoneVerificationBody, ResidentUser } from '@xinfang/shared/contracts/auth'
import { api } from './http'

// Sign-in with each platform's credential; the credential comes from src/platform/login.ts.
export const loginWithWechat = (code: string) => api.post<AuthResult>('/api/v1/auth/wechat', { code }, { auth: false })
export const loginWithAlipay = (authCode: string) => api.post<AuthResult>('/api/v1/auth/alipay', { authCode }, { auth: false })
export const loginWithCityApp = (ticket: string) => api.post<AuthResult>('/api/v1/auth/cityapp', { ticket }, { auth: false })
export const logout = (refreshToken: string) => api.post<null>('/api/v1/auth/logout', { refreshToken }, { auth: false })
/** A phone number the platform vouches for (its phone-number button), so the resident may co-sign. */
export const verifyPhone = (body: PhoneVerificationBody) => api.post<ResidentUser>('/api/v1/auth/phone', body)
