import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { AuthResult, ResidentUser, SessionUser } from '@xinfang/shared/contracts/auth'
import { taroStorage } from './taro-storage'

interface SessionState {
  token: string | null
  refreshToken: string | null
  user: SessionUser | null
  signedIn: (result: AuthResult) => void
  /** the API answered with the resident as they now are (a phone number verified) */
  residentUpdated: (user: ResidentUser) => void
  clear: () => void
}

/** Who is signed in, kept across restarts. The API client reads and rotates the tokens. */
export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      token: null,
      refreshToken: null,
      user: null,
      signedIn: ({ token, refreshToken, user }) => set({ token, refreshToken, user }),
      residentUpdated: (user) => set({ user }),
      clear: () => set({ token: null, refreshToken: null, user: null }),
    }),
    { name: 'xinfang.session', storage: taroStorage, version: 1 },
  ),
)
