import Taro from '@tarojs/taro'
import type { ApiError } from '../api/api-error'
import { navigateTo } from '../routes'
import { cityAppBridge } from './city-app-bridge'

/**
 * The session is gone (refresh refused, token invalid): say so. Mini-programs and the city app
 * sign in again silently on the next call that needs it; a browser without the city-app
 * bridge has to type a name on the dev-login page.
 */
export function sessionLost(error: ApiError) {
  void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
  if (process.env.TARO_ENV === 'h5' && !cityAppBridge()) void navigateTo('devLogin', {})
}
