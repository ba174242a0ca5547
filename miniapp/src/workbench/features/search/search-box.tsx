import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import './search.scss'

// SearchQuerySchema: q is 1 to 60 characters
const Q_MAX = 60

/** The one search box; submits the trimmed text. */
export function SearchBox({ initial, busy, onSearch }: { initial: string; busy: boolean; onSearch: (q: string) => void }) {
  const [text, setText] = useState(initial)
  const submit = () => {
    const q = text.trim()
    if (!q) return void Taro.showToast({ title: '请输入查询码、手机号或关键词', icon: 'none' })
    onSearch(q)
  }
  return (
    <View className='card'>
      <Input
        className='text-input'
        value={text}
        maxlength={Q_MAX}
        confirmType='search'
        placeholder='查询码、手机号或关键词'
        onInput={(e) => setText(e.detail.value)}
        onConfirm={submit}
      />
      <Button className='action' type='primary' block loading={busy} disabled={busy} onClick={submit}>
        搜索
      </Button>
    </View>
  )
}
