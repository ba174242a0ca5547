import type { Network } from './network'
import type { Subscriptions, UserGesture } from './subscriptions'
import type { Album, TempFiles } from './temp-files'

/** Page-stack operations the platform's navigation APIs run (see page-stack.ts). */
export interface Router {
  navigateTo(url: string): Promise<void>
  redirectTo(url: string): Promise<void>
  switchTab(url: string): Promise<void>
  reLaunch(url: string): Promise<void>
  navigateBack(delta: number): Promise<void>
}

/** What the fake platform objects share with the harness. */
export interface PlatformDeps {
  network: Network
  files: TempFiles
  album: Album
  subscriptions: Subscriptions
  gesture: UserGesture
  router: Router
  /** the phone's key-value storage, kept as the platform keeps it (values as stored) */
  storage: Map<string, unknown>
  /** the platform account: wx.login / my.getAuthCode answer `dev:<user>`, which the mocks accept */
  user: string
  /** what the next scan reads; null: the resident closes the scanner */
  scanResult: string | null
}

/** The options object every async platform API takes. */
export type ApiOptions = Record<string, unknown> & {
  success?: (res: unknown) => void
  fail?: (res: unknown) => void
  complete?: (res: unknown) => void
}
