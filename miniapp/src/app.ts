import type { PropsWithChildren } from 'react'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import { useOnLeave } from './platform/on-leave'
import { flushStorage } from './stores/taro-storage'
import './app.scss'

/** The app shell. Pages fetch their own data; stores hydrate from storage when first read. */
function App({ children }: PropsWithChildren) {
  // a draft still waiting to be written goes to storage before the app can be killed
  useOnLeave(flushStorage)
  return children
}

export default App
