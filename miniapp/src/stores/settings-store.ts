import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroStorage } from './taro-storage'

interface SettingsState {
  /** 适老化: larger text everywhere */
  largeFont: boolean
  setLargeFont: (on: boolean) => void
}

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      largeFont: false,
      setLargeFont: (largeFont) => set({ largeFont }),
    }),
    { name: 'xinfang.settings', storage: taroStorage, version: 1 },
  ),
)
