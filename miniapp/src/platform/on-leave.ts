import { useDidHide } from '@tarojs/taro'
import { useEffect } from 'react'

/**
 * Runs `leave` whenever the resident may be gone for good, for the app shell: the app sent to
 * the background (where a mini-program can be killed without another word) and, on H5, the page
 * closed or reloaded, which Taro's app onHide (a visibilitychange listener) need not see first.
 */
export function useOnLeave(leave: () => void) {
  useDidHide(leave)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined
    window.addEventListener('pagehide', leave)
    return () => window.removeEventListener('pagehide', leave)
  }, [leave])
}
