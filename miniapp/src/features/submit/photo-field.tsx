import { Image, Progress, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MAX_ATTACHMENTS, MAX_IMAGE_BYTES, sizeWords } from '@xinfang/shared/limits'
import type { Uploads } from './use-uploads'
import './submit.scss'

/**
 * Up to MAX_ATTACHMENTS photos (fewer if a voice note takes a slot), each uploading with its own
 * progress bar. A photo over the API's size limit is left out at once instead of failing upload.
 */
export function PhotoField({ uploads, error }: { uploads: Uploads; error?: string }) {
  const photos = uploads.attachments.filter((a) => a.kind === 'image')
  const room = MAX_ATTACHMENTS - uploads.attachments.length

  const choose = async () => {
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      // platforms that give no sizes leave the check to the API
      const files = res.tempFiles?.length ? res.tempFiles : res.tempFilePaths.map((path) => ({ path, size: 0 }))
      const fitting = files.filter((f) => f.size <= MAX_IMAGE_BYTES)
      for (const file of fitting) uploads.add(file.path, 'image')
      if (fitting.length < files.length) {
        void Taro.showToast({ title: `有${files.length - fitting.length}张照片超过${sizeWords(MAX_IMAGE_BYTES)}，没有加上`, icon: 'none' })
      }
    } catch {
      // closing the picker is not an error
    }
  }

  return (
    <View className='card'>
      <View className='field-label'>
        照片（可不传，最多{MAX_ATTACHMENTS}张）
      </View>
      <View className='photos'>
        {photos.map((p) => {
          const state = uploads.stateOf(p.localPath)
          return (
            <View key={p.localPath} className='photo'>
              <Image className='photo__img' src={p.localPath} mode='aspectFill' />
              {!p.fileId && state && !state.failed && (
                <Progress className='photo__progress' percent={state.progress} strokeWidth={4} activeColor='#1f5fbf' />
              )}
              {p.fileId && <Text className='photo__done'>已上传</Text>}
              {state?.failed && (
                <View className='photo__failed'>
                  <Text className='photo__failed-text'>上传失败</Text>
                  <Text className='photo__link' onClick={() => void uploads.retry(p.localPath, 'image')}>
                    重试
                  </Text>
                </View>
              )}
              <Text className='photo__remove' onClick={() => uploads.remove(p.localPath)}>
                ×
              </Text>
            </View>
          )
        })}
        {room > 0 && (
          <View className='photo photo--add' hoverClass='tile--pressed' onClick={choose}>
            <Text className='photo__plus'>＋</Text>
            <Text className='muted'>拍照/相册</Text>
          </View>
        )}
      </View>
      {error && <View className='field-error'>{error}</View>}
    </View>
  )
}
