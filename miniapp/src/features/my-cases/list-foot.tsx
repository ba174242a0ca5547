import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './my-cases.scss'

interface ListFootProps {
  hasMore: boolean
  loading: boolean
  /** why the next page did not come: shown with a button that asks for it again */
  error: string
  onMore: () => void
}

/** Under the list: 加载更多, a failed next page with one big button to try again, or the end. */
export function ListFoot({ hasMore, loading, error, onMore }: ListFootProps) {
  if (!hasMore) {
    return (
      <View className='list-foot'>
        <Text className='muted'>没有更多了</Text>
      </View>
    )
  }
  if (error && !loading) {
    return (
      <View className='list-foot list-foot--failed'>
        <Text className='feedback__message'>{error}</Text>
        <Button className='action' type='primary' fill='outline' block onClick={onMore}>
          加载失败，点此重试
        </Button>
      </View>
    )
  }
  return (
    <View className='list-foot'>
      <Button fill='none' loading={loading} onClick={onMore}>
        加载更多
      </Button>
    </View>
  )
}
