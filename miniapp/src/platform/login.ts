import Taro from '@tarojs/taro'
import type { AuthResult, StaffLoginBody } from '@xinfang/shared/contracts/auth'
import { loginWithAlipay, loginWithCityApp, loginWithWechat } from '../api/auth'
import { navigateTo } from '../routes'
import { useSessionStore } from '../stores/session-store'
import { cityAppBridge } from './city-app-bridge'

/**
 * Signs the resident in with what the platform vouches for. `null`: this platform cannot do it
 * silently (H5 outside the city app), the dev-login page has to.
 * - weapp: wx.login -> code -> POST /auth/wechat { code }
 *   @see https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html
 * - alipay: my.getAuthCode({ scopes: 'auth_base' }) -> POST /auth/alipay { authCode }. Taro's
 *   Alipay plugin maps Taro.login to exactly that call and hands back the authCode as `code`.
 *   @see https://opendocs.alipay.com/mini/api/openapi-authorize
 * - h5: the city app's bridge ticket -> POST /auth/cityapp { ticket } (see city-app-bridge.ts)
 */
async function platformLogin(): Promise<AuthResult | null> {
  if (process.env.TARO_ENV === 'weapp') {
    const { code } = await Taro.login()
    return loginWithWechat(code)
  }
  if (process.env.TARO_ENV === 'alipay') {
    const { code } = await Taro.login()
    return loginWithAlipay(code)
  }
  const bridge = cityAppBridge()
  return bridge ? loginWithCityApp(await bridge.getTicket()) : null
}

/**
 * The mini-program's own login code, for a staff sign-in to bind this person's WeChat or Alipay
 * identity so work notices reach them there (the server exchanges it as it does a resident's).
 * Null on H5, and when the platform would not give one: the notices then go by SMS.
 */
export async function miniProgramLoginCode(): Promise<StaffLoginBody['miniProgram'] | null> {
  const platform = process.env.TARO_ENV === 'weapp' ? 'wechat' : process.env.TARO_ENV === 'alipay' ? 'alipay' : null
  if (platform === null) return null
  try {
    const { code } = await Taro.login()
    return code ? { platform, code } : null
  } catch {
    return null
  }
}

let signingIn: Promise<boolean> | null = null

/**
 * True once there is a session. Pages call it before fetching the resident's own data; several
 * callers at once share one sign-in. False means the dev-login page was opened instead.
 */
export function ensureSignedIn(): Promise<boolean> {
  if (useSessionStore.getState().token) return Promise.resolve(true)
  signingIn ??= (async () => {
    const result = await platformLogin()
    if (!result) {
      void navigateTo('devLogin', {})
      return false
    }
    useSessionStore.getState().signedIn(result)
    return true
  })().finally(() => {
    signingIn = null
  })
  return signingIn
}

/**
 * ensureSignedIn for calls the resident did not ask for (suggestions while typing): signs in
 * silently where the platform can, but never opens the dev-login page in the middle of typing.
 */
export function signedInQuietly(): Promise<boolean> {
  if (useSessionStore.getState().token) return Promise.resolve(true)
  if (process.env.TARO_ENV === 'h5' && !cityAppBridge()) return Promise.resolve(false)
  return ensureSignedIn()
}

/** The dev-login page: a typed name becomes the ticket `dev:<name>`, which only the mocks accept. */
export async function devSignIn(name: string) {
  const result = await loginWithCityApp(`dev:${name.trim()}`)
  useSessionStore.getState().signedIn(result)
}
