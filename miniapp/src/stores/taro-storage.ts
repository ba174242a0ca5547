import Taro from '@tarojs/taro'
import { createJSONStorage, type StateStorage } from 'zustand/middleware'

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
