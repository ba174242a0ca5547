import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { cosignTokenFromQr } from '../../lib/cosign-link'
import { trackingNoFromQr } from './qr'
import { scan } from '../../platform/scan'
import { navigateTo } from '../../routes'
import './home.scss'

async function scanQr() {
  const outcome = await scan()
  if (outcome.kind === 'unsupported') {
    await Taro.showModal({ title: '这里不能扫码', content: '请直接输入诉求回执上的 12 位查询码', showCancel: false, confirmText: '去输入' })
    return navigateTo('track', {})
  }
  if (outcome.kind === 'cancelled') return
  // a WeChat code of this mini-program says where it leads in `path`, not in `result`
  const token = cosignTokenFromQr(outcome.path ?? '') ?? cosignTokenFromQr(outcome.text)
  if (token) return navigateTo('cosign', { t: token })
  const no = trackingNoFromQr(outcome.text)
  if (no) return navigateTo('track', { no })
  return Taro.showModal({
    title: '没有认出这个二维码',
    content: '这不是本平台的二维码。请扫诉求回执或联名的二维码，或直接输入 12 位查询码。',
    showCancel: false,
    confirmText: '知道了',
  })
}

/** The three things residents come for, as the biggest buttons on the screen, plus scanning. */
export function QuickActions() {
  return (
    <View className='home-actions'>
      <View className='home-actions__primary' hoverClass='tile--pressed' onClick={() => navigateTo('submit', {})}>
        <Text className='home-actions__title'>我要反映</Text>
        <Text className='home-actions__hint'>说说遇到的问题，一分钟填完</Text>
      </View>
      <View className='home-actions__row'>
        <View className='tile' hoverClass='tile--pressed' onClick={() => navigateTo('myCases', {})}>
          <Text className='tile__title'>我的诉求</Text>
          <Text className='tile__hint'>看办理进度</Text>
        </View>
        <View className='tile' hoverClass='tile--pressed' onClick={() => navigateTo('track', {})}>
          <Text className='tile__title'>查进度</Text>
          <Text className='tile__hint'>输入查询码</Text>
        </View>
      </View>
      <View className='tile tile--wide' hoverClass='tile--pressed' onClick={scanQr}>
        <Text className='tile__title'>扫一扫</Text>
        <Text className='tile__hint'>扫回执查进度，扫联名码参与联名</Text>
      </View>
    </View>
  )
}
