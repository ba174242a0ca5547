import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { messageOf } from '../../api/api-error'
import { navigateTo } from '../../routes'
import { getOwnCosign } from '../cosign/api'

/** A representative's way back to the signing page: the count, the code to show neighbours, 结束联名. */
export function JointLink({ caseId }: { caseId: string }) {
  const [opening, setOpening] = useState(false)
  const open = async () => {
    setOpening(true)
    try {
      const own = await getOwnCosign(caseId)
      await navigateTo('cosign', { t: own.token })
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none', duration: 3000 })
    } finally {
      setOpening(false)
    }
  }
  return (
    <View className='card'>
      <View className='section-title'>联名</View>
      <Button className='action' type='default' block loading={opening} disabled={opening} onClick={() => void open()}>
        查看联名人数和二维码
      </Button>
    </View>
  )
}
