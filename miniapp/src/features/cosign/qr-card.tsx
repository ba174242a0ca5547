import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { fileNameOf } from '../../lib/file-name'
import { SAVE_IMAGE_LABEL, saveImage } from '../../platform/save-image'
import './cosign.scss'

// previewImage opens the platform's viewer, where a long press also saves or forwards the picture.
// The codes are square, so scaleToFill (the default mode) fills the square box undistorted.
const HINTS = {
  weapp: '点「保存到相册」，或点图片放大后长按，可以保存或发给微信好友。邻居用微信扫一扫就能联名。',
  alipay: '点「保存到相册」，或点图片放大后长按保存。邻居用支付宝扫一扫就能联名。',
  h5: '点「下载图片」保存二维码；没有反应时，长按图片保存。邻居用城市App或微信扫一扫就能联名。',
} as const

/**
 * The representative's code, big enough to scan from another phone, with how to pass it on.
 * `name`: words that tell this campaign's picture apart in the album or Downloads.
 */
export function QrCard({ image, name, link }: { image: string; name: string; link?: string }) {
  const [saving, setSaving] = useState(false)
  const copy = () => link && void Taro.setClipboardData({ data: link })
  const save = () => {
    setSaving(true)
    void saveImage(image, fileNameOf('联名二维码', name, 'png')).finally(() => setSaving(false))
  }
  return (
    <View className='card qr-card'>
      <Text className='qr-card__title'>联名二维码</Text>
      <Image className='qr-card__image' src={image} mode='scaleToFill' showMenuByLongpress onClick={() => void Taro.previewImage({ urls: [image] })} />
      <Text className='qr-card__hint'>{HINTS[process.env.TARO_ENV]}</Text>
      <Button className='action qr-card__save' type='primary' block loading={saving} disabled={saving} onClick={save}>
        {SAVE_IMAGE_LABEL}
      </Button>
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
