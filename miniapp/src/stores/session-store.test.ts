import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AuthResult } from '@xinfang/shared/contracts/auth'

const storage = vi.hoisted(() => new Map<string, unknown>())
vi.mock('@tarojs/taro', () => ({
  default: {
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
  },
}))

async function relaunch() {
  vi.resetModules()
  return {
    session: (await import('./session-store')).useSessionStore,
    settings: (await import('./settings-store')).useSettingsStore,
  }
}

const result: AuthResult = {
  token: 'access',
  refreshToken: 'refresh-token-xxxxxxxxxxxxxxxx',
  expiresIn: 900,
  user: { kind: 'resident', id: 'r_12345678', platform: 'wechat', displayName: '王*', verified: false, phoneVerified: false },
}

beforeEach(() => storage.clear())

describe('session store', () => {
  it('keeps the session across restarts and forgets it on clear', async () => {
    const first = await relaunch()
    first.session.getState().signedIn(result)
    const second = await relaunch()
    expect(second.session.getState()).toMatchObject({ token: 'access', refreshToken: 'refresh-token-xxxxxxxxxxxxxxxx', user: result.user })
    second.session.getState().clear()
    const third = await relaunch()
    expect(third.session.getState()).toMatchObject({ token: null, refreshToken: null, user: null })
  })
})

describe('a verified phone', () => {
  it('updates the signed-in resident and keeps the tokens', async () => {
    const { session } = await relaunch()
    session.getState().signedIn(result)
    session.getState().residentUpdated({ kind: 'resident', id: 'r_12345678', platform: 'wechat', displayName: '王*', verified: false, phoneVerified: true })
    const again = await relaunch()
    expect(again.session.getState()).toMatchObject({ token: 'access', user: { phoneVerified: true } })
  })
})

describe('settings store', () => {
  it('remembers large-font mode', async () => {
    const first = await relaunch()
    expect(first.settings.getState().largeFont).toBe(false)
    first.settings.getState().setLargeFont(true)
    expect((await relaunch()).settings.getState().largeFont).toBe(true)
  })
})
