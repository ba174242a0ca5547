import type { PropsWithChildren } from 'react'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.scss'

/** The app shell. Pages fetch their own data; stores hydrate from storage when first read. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
