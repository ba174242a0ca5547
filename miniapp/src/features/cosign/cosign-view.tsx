import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { categoryOf, isCategoryCode } from '@xinfang/shared/categories'
import type { CosignPublic } from '@xinfang/shared/contracts/cosign'
import { PhoneVerify } from '../../components/phone-verify'
import { qrImageOf } from './api'
import { QrCard } from './qr-card'
import type { Cosign } from './use-cosign'
import './cosign.scss'

/** What neighbours signed for: the complaint and where it stands; never who started it. */
function Complaint({ view }: { view: CosignPublic }) {
  return (
    <View className='card'>
      <Text className='cosign-title'>{view.title}</Text>
      <Text className='cosign-content' userSelect>
        {view.content}
      </Text>
      {view.regionName && <Text className='muted line'>地点：{view.regionName}</Text>}
      {view.category && isCategoryCode(view.category) && <Text className='muted line'>类别：{categoryOf(view.category).name}</Text>}
      <Text className='muted line'>办理进度：{view.caseStatusLabel}</Text>
    </View>
  )
}

function Count({ view }: { view: CosignPublic }) {
  return (
    <View className='card cosign-count'>
      <Text className='cosign-count__label'>已有</Text>
      <Text className='cosign-count__number'>{view.count}</Text>
      <Text className='cosign-count__label'>人联名</Text>
      <Text className={view.open ? 'cosign-count__state' : 'cosign-count__state cosign-count__state--closed'}>
        {view.open ? '正在联名，欢迎邻居扫码参与' : (view.closedReason ?? '联名已结束')}
      </Text>
    </View>
  )
}

/** What this resident can do: sign, take it back, or (the representative) show the code and end it. */
function Actions({ view, cosign, token }: { view: CosignPublic; cosign: Cosign; token: string }) {
  if (view.mine?.representative) {
    return (
      <View>
        <View className='card cosign-done'>
          <Text className='cosign-done__title'>您是这件联名的发起人</Text>
          <Text className='muted'>{view.open ? '请邻居扫下面的二维码联名，下拉页面可以刷新人数。' : '联名已结束，诉求照常办理。'}</Text>
        </View>
        {view.open && <QrCard image={qrImageOf(token)} name={view.title} />}
        {view.open && (
          <Button className='action' size='large' block loading={cosign.busy} disabled={cosign.busy} onClick={cosign.close}>
            结束联名
          </Button>
        )}
      </View>
    )
  }
  if (view.mine?.signed) {
    return (
      <View className='card cosign-done'>
        <Text className='cosign-done__title'>✓ 您已联名</Text>
        <Text className='muted'>联名只算人数，不会公开您的姓名和电话。</Text>
        <Button className='action' fill='outline' block loading={cosign.busy} disabled={cosign.busy} onClick={cosign.withdraw}>
          撤回联名
        </Button>
      </View>
    )
  }
  if (!view.open) return null
  return (
    <View>
      {cosign.needsPhone ? (
        <PhoneVerify label='验证手机号并联名' onVerified={() => void cosign.sign()} />
      ) : (
        // without a session (a browser outside the city app) the tap opens the login first; back
        // here, signed in, the same button signs
        <Button className='action cosign-sign' type='primary' size='large' block loading={cosign.busy} disabled={cosign.busy} onClick={() => void cosign.sign()}>
          {cosign.signedIn ? '联名' : '登录后联名'}
        </Button>
      )}
      <Text className='muted cosign-note'>联名需要实名，每人一次，只算人数，不会公开您的姓名和电话。</Text>
    </View>
  )
}

export function CosignView({ view, cosign, token }: { view: CosignPublic; cosign: Cosign; token: string }) {
  return (
    <View>
      <Count view={view} />
      <Actions view={view} cosign={cosign} token={token} />
      <Complaint view={view} />
    </View>
  )
}
