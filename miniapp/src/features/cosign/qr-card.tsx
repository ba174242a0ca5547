import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import './cosign.scss'

// previewImage opens the platform's viewer, where a long press saves or forwards the picture.
// The codes are square, so scaleToFill (the default mode) fills the square box undistorted.
const HINTS = {
  weapp: '点图片放大，长按可以保存到相册或发给微信好友。邻居用微信扫一扫就能联名。',
  alipay: '点图片放大，长按可以保存到相册。邻居用支付宝扫一扫就能联名。',
  h5: '长按图片可以保存。邻居用城市App或微信扫一扫就能联名。',
} as const

/** The representative's code, big enough to scan from another phone, with how to pass it on. */
export function QrCard({ image, link }: { image: string; link?: string }) {
  const copy = () => link && void Taro.setClipboardData({ data: link })
  return (
    <View className='card qr-card'>
      <Text className='qr-card__title'>联名二维码</Text>
      <Image className='qr-card__image' src={image} mode='scaleToFill' showMenuByLongpress onClick={() => void Taro.previewImage({ urls: [image] })} />
      <Text className='qr-card__hint'>{HINTS[process.env.TARO_ENV]}</Text>
      {link && (
        <View className='qr-card__link'>
          <Text className='muted'>联名链接（可以发到群里）</Text>
          <Text className='qr-card__url' userSelect>
            {link}
          </Text>
          <Button className='action' type='primary' fill='outline' block onClick={copy}>
            复制链接
          </Button>
        </View>
      )}
    </View>
  )
}
