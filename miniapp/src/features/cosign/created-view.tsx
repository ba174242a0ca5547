import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { CosignCreated } from '@xinfang/shared/contracts/cosign'
import { navigateTo } from '../../routes'
import { absolute, QR_PLATFORM } from './api'
import { QrCard } from './qr-card'
import './cosign.scss'

/** Right after registering: the tracking number to keep and the code for neighbours to scan. */
export function CreatedView({ created }: { created: CosignCreated }) {
  return (
    <View>
      <View className='card cosign-created'>
        <Text className='cosign-created__ok'>✓ 联名已发起</Text>
        <Text className='muted'>您的查询码（请记下或复制）</Text>
        <Text className='cosign-created__no' userSelect>
          {created.trackingNo}
        </Text>
        <Button className='action' type='primary' fill='outline' block onClick={() => void Taro.setClipboardData({ data: created.trackingNo })}>
          复制查询码
        </Button>
      </View>
      <QrCard image={absolute(created.qr[QR_PLATFORM])} name={created.trackingNo} link={created.h5Url} />
      <Button className='action' type='primary' size='large' block onClick={() => navigateTo('cosign', { t: created.token }, { replace: true })}>
        看联名人数
      </Button>
      <Button className='action' size='large' block onClick={() => navigateTo('home', {})}>
        回到首页
      </Button>
    </View>
  )
}
