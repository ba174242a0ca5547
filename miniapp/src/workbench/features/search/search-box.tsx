import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { SEARCH_QUERY_MAX } from '@xinfang/shared/limits'
import './search.scss'

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
        maxlength={SEARCH_QUERY_MAX}
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
