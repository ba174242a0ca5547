/**
 * The city super-app's JS bridge, as the city app injects it into the H5 pages it hosts:
 *
 *   window.CityAppBridge.getTicket(): Promise<string>
 *
 * resolves to a one-time ticket for the signed-in, real-name verified citizen; the API
 * exchanges it at the city app's ticket endpoint (POST /api/v1/auth/cityapp { ticket }).
 * A real deployment only ever runs inside the city app, so the bridge is always there. Outside
 * it (a desktop browser, the test harness) there is no bridge and the app falls back to the
 * dev-login page, which sends `dev:<name>`: a ticket only the mocks accept.
 *
 * The app loads no SDK script of its own: the container injects the bridge. Whatever the
 * bridge loads or calls from the city app's servers needs its origin in CITYAPP_SDK_ORIGINS
 * (server/src/config.ts), which the H5 page's CSP allows in script-src and connect-src.
 */
export interface CityAppBridge {
  getTicket(): Promise<string>
}

declare global {
  interface Window {
    CityAppBridge?: CityAppBridge
  }
}

export function cityAppBridge(): CityAppBridge | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null
  const bridge = window.CityAppBridge
  return bridge && typeof bridge.getTicket === 'function' ? bridge : null
}
