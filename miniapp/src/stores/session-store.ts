import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { AuthResult, SessionUser } from '@xinfang/shared/contracts/auth'
import { taroStorage } from './taro-storage'

interface SessionState {
  token: string | null
  refreshToken: string | null
  user: SessionUser | null
  signedIn: (result: AuthResult) => void
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
      clear: () => set({ token: null, refreshToken: null, user: null }),
    }),
    { name: 'xinfang.session', storage: taroStorage, version: 1 },
  ),
)
