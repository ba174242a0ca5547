import Taro from '@tarojs/taro'
import { createJSONStorage, type PersistStorage, type StateStorage, type StorageValue } from 'zustand/middleware'

/**
 * zustand's storage over the platform's synchronous key-value storage (wx/my storage,
 * localStorage on H5), so persisted stores are hydrated before the first render.
 */
const taroStateStorage: StateStorage = {
  getItem: (name) => {
    const value: unknown = Taro.getStorageSync(name)
    return typeof value === 'string' && value !== '' ? value : null
  },
  setItem: (name, value) => Taro.setStorageSync(name, value),
  removeItem: (name) => Taro.removeStorageSync(name),
}

export const taroStorage = createJSONStorage(() => taroStateStorage)

/**
 * How long a change may wait before it is written. Typing saves a few times a second instead of
 * serialising the whole draft on every key; what is still held is written when the page or the
 * app is left (flushStorage), so a draft is never lost by leaving.
 */
export const WRITE_DELAY_MS = 400

const held = new Map<string, StorageValue<unknown>>()
let timer: ReturnType<typeof setTimeout> | undefined

/** Writes every held change now: on leaving a page or the app, and after changes that must not wait. */
export function flushStorage() {
  if (timer !== undefined) clearTimeout(timer)
  timer = undefined
  for (const [name, value] of held) taroStateStorage.setItem(name, JSON.stringify(value))
  held.clear()
}

/** Like taroStorage, but a change is held for up to WRITE_DELAY_MS, the newest one per name. */
export function heldTaroStorage<S>(): PersistStorage<S> {
  return {
    getItem: (name) => {
      const value = held.get(name) ?? taroStorage?.getItem(name) ?? null
      return value as StorageValue<S> | null
    },
    setItem: (name, value) => {
      held.set(name, value)
      timer ??= setTimeout(flushStorage, WRITE_DELAY_MS)
    },
    removeItem: (name) => {
      held.delete(name)
      taroStateStorage.removeItem(name)
    },
  }
}
