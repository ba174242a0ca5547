import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useSettingsStore } from '../stores/settings-store'
import './page-shell.scss'

/** Every page's root: carries the large-font class (适老化) so the text scale applies everywhere. */
export function PageShell({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const largeFont = useSettingsStore((s) => s.largeFont)
  return <View className={`page ${largeFont ? 'page--large' : ''} ${className}`}>{children}</View>
}
