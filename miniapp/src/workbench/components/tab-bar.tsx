import { Text, View } from '@tarojs/components'
import { navigateTo, type RouteName } from '../../routes'
import './workbench.scss'

const TABS = [
  { route: 'workbenchHome', text: '工作台' },
  { route: 'workbenchSearch', text: '搜索' },
  { route: 'workbenchMe', text: '我的' },
] as const satisfies readonly { route: RouteName; text: string }[]

type TabRoute = (typeof TABS)[number]['route']

/**
 * The workbench's own bottom bar. WeChat puts native tab pages in the main package, which would
 * make every resident download the workbench; tabs here swap the page (redirectTo) instead, so
 * moving between them never deepens the page stack.
 */
export function TabBar({ current }: { current: TabRoute }) {
  return (
    <View className='wb-tabbar'>
      {TABS.map((tab) => (
        <View
          key={tab.route}
          className={tab.route === current ? 'wb-tabbar__item wb-tabbar__item--on' : 'wb-tabbar__item'}
          onClick={() => tab.route !== current && void navigateTo(tab.route, {}, { replace: true })}
        >
          <Text>{tab.text}</Text>
        </View>
      ))}
    </View>
  )
}
