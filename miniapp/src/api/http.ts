import { createApiClient } from './client'
import { taroTransport } from './taro-transport'
import { useSessionStore } from '../stores/session-store'
import { sessionLost } from '../platform/session-lost'

/** The app's one API client, on the build-time API base (config/index.ts). */
export const api = createApiClient({
  baseUrl: API_BASE,
  transport: taroTransport,
  session: {
    token: () => useSessionStore.getState().token,
    refreshToken: () => useSessionStore.getState().refreshToken,
    refreshed: (result) => useSessionStore.getState().signedIn(result),
    lost: (error) => {
      const { user, clear } = useSessionStore.getState()
      clear()
      sessionLost(error, user?.kind === 'staff')
    },
  },
})
