import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './components.scss'

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='feedback'>
      <Text className='muted'>{text}</Text>
    </View>
  )
}

/** An error from the API as it said it, with a way to try again. */
export function ErrorBlock({ message, onRetry, retryText = '重试' }: { message: string; onRetry?: () => void; retryText?: string }) {
  return (
    <View className='feedback'>
      <Text className='feedback__message'>{message}</Text>
      {onRetry && (
        <Button className='action' type='primary' fill='outline' onClick={onRetry} block>
          {retryText}
        </Button>
      )}
    </View>
  )
}

export function EmptyState({ title, hint, action, onAction }: { title: string; hint?: string; action?: string; onAction?: () => void }) {
  return (
    <View className='feedback'>
      <Text className='feedback__title'>{title}</Text>
      {hint && <Text className='muted'>{hint}</Text>}
      {action && onAction && (
        <Button className='action' type='primary' onClick={onAction} block>
          {action}
        </Button>
      )}
    </View>
  )
}
