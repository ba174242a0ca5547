import Taro from '@tarojs/taro'
import type { ApiError } from '../api/api-error'
import { navigateTo } from '../routes'
import { cityAppBridge } from './city-app-bridge'

/**
 * The session is gone (refresh refused, token invalid): say so. Staff sign in again with their
 * password. Residents on mini-programs and in the city app sign in again silently on the next
 * call that needs it; a browser without the city-app bridge has to type a name on dev-login.
 */
export function sessionLost(error: ApiError, wasStaff: boolean) {
  void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
  if (wasStaff) return void navigateTo('workbenchLogin', {}, { replace: true })
  if (process.env.TARO_ENV === 'h5' && !cityAppBridge()) void navigateTo('devLogin', {})
}
