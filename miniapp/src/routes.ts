import Taro from '@tarojs/taro'
import type { ZoneCode } from '@xinfang/shared/catalog'
import type { CategoryCode } from '@xinfang/shared/categories'

/** Every page of the app and the query it takes. app.config.ts lists the same paths. */
export interface RouteParams {
  home: Record<string, never>
  myCases: Record<string, never>
  settings: Record<string, never>
  submit: { zone?: ZoneCode; category?: CategoryCode }
  /** a livelihood zone's own page: `pick` a housing project or heat station, `scene` as a WeChat code carries both (lib/zone-link.ts) */
  zone: { zone?: ZoneCode; pick?: string; scene?: string }
  /** `answerBy` and `promise`: a zone case's answer clock; `joint=1`: several co-workers are owed, offer a joint complaint */
  submitResult: { id: string; no: string; to?: string; acceptBy?: string; answerBy?: string; promise?: string; joint?: '1' }
  caseDetail: { id: string }
  track: { no?: string }
  devLogin: { back?: string }
  /** a joint complaint: `t` as our links and Alipay codes carry it, `scene` as a WeChat code does */
  cosign: { t?: string; scene?: string }
  cosignCreate: Record<string, never>
  // the staff workbench: a subpackage residents never download (app.config.ts subPackages)
  workbenchLogin: Record<string, never>
  workbenchHome: Record<string, never>
  workbenchSearch: Record<string, never>
  workbenchCase: { id: string }
  workbenchMe: Record<string, never>
}
export type RouteName = keyof RouteParams

export const ROUTES: Record<RouteName, string> = {
  home: '/pages/index/index',
  myCases: '/pages/my-cases/index',
  settings: '/pages/settings/index',
  submit: '/pages/submit/index',
  zone: '/pages/zone/index',
  submitResult: '/pages/submit-result/index',
  caseDetail: '/pages/case-detail/index',
  track: '/pages/track/index',
  devLogin: '/pages/dev-login/index',
  cosign: '/pages/cosign/index',
  cosignCreate: '/pages/cosign-create/index',
  workbenchLogin: '/workbench/pages/login/index',
  workbenchHome: '/workbench/pages/home/index',
  workbenchSearch: '/workbench/pages/search/index',
  workbenchCase: '/workbench/pages/case/index',
  workbenchMe: '/workbench/pages/me/index',
}

const TABS = new Set<RouteName>(['home', 'myCases', 'settings'])

/** WeChat keeps at most 10 pages on the stack; past this depth we replace instead of push. */
const MAX_DEPTH = 9

export const urlOf = <R extends RouteName>(route: R, params?: RouteParams[R]): string => {
  const query = Object.entries(params ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return query ? `${ROUTES[route]}?${query}` : ROUTES[route]
}

/**
 * Opens a page: tabs through switchTab (they take no query), others pushed, or swapped in
 * with redirectTo once the stack is deep, so a long detail -> detail chain never hits the limit.
 */
export function navigateTo<R extends RouteName>(route: R, params?: RouteParams[R], options: { replace?: boolean } = {}) {
  if (TABS.has(route)) return Taro.switchTab({ url: ROUTES[route] })
  const url = urlOf(route, params)
  if (options.replace || Taro.getCurrentPages().length >= MAX_DEPTH) return Taro.redirectTo({ url })
  return Taro.navigateTo({ url })
}

/** Closes every page and opens this one: switching between the resident app and the workbench. */
export const relaunch = <R extends RouteName>(route: R, params?: RouteParams[R]) => Taro.reLaunch({ url: urlOf(route, params) })

/** Back if there is somewhere to go back to, else home (a page opened from a share or a QR). */
export function goBack() {
  if (Taro.getCurrentPages().length > 1) return Taro.navigateBack()
  return Taro.switchTab({ url: ROUTES.home })
}

/** Query parameters arrive URL-encoded on some platforms and decoded on others. */
export const paramOf = (params: Record<string, string | undefined>, key: string): string | undefined => {
  const raw = params[key]
  if (raw === undefined || raw === '') return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
