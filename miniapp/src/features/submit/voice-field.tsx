import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { MAX_ATTACHMENTS, VOICE_MAX_SECONDS } from '@xinfang/shared/limits'
import { canRecordVoice } from '../../platform/capabilities'
import type { Uploads } from './use-uploads'
import './submit.scss'

/**
 * An optional voice note for residents who would rather speak than type. Mini-programs only:
 * wx/my.getRecorderManager records AAC, which the API accepts. H5 has no recorder API in Taro,
 * and the city app's WebView gives no reliable microphone, so the field is not shown there.
 */
export function VoiceField({ uploads }: { uploads: Uploads }) {
  const [recording, setRecording] = useState(false)
  const recorder = useRef<Taro.RecorderManager | null>(null)
  const voice = uploads.attachments.find((a) => a.kind === 'audio')

  useEffect(() => {
    if (!canRecordVoice) return
    const manager = Taro.getRecorderManager()
    manager.onStop((res) => {
      setRecording(false)
      // Alipay's older base libraries name the file apFilePath
      const path = res.tempFilePath || (res as { apFilePath?: string }).apFilePath
      if (path) uploads.add(path, 'audio', Math.round((res.duration ?? 0) / 1000))
    })
    manager.onError(() => {
      setRecording(false)
      void Taro.showToast({ title: '录音没有成功，请检查是否允许使用麦克风', icon: 'none' })
    })
    recorder.current = manager
    // the manager is a per-app singleton; stop a recording left running when the page goes
    return () => manager.stop()
    // one recorder for the page's life: registered once, on mount
  }, [])

  if (!canRecordVoice) return null

  const toggle = () => {
    if (!recorder.current) return
    if (recording) return recorder.current.stop()
    if (uploads.attachments.length >= MAX_ATTACHMENTS) {
      void Taro.showToast({ title: '附件已满，请先删掉一张照片', icon: 'none' })
      return
    }
    setRecording(true)
    recorder.current.start({ duration: VOICE_MAX_SECONDS * 1000, format: 'aac', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 })
  }

  const play = () => {
    if (!voice) return
    const audio = Taro.createInnerAudioContext()
    audio.src = voice.localPath
    audio.onEnded(() => audio.destroy())
    audio.play()
  }

  const state = voice ? uploads.stateOf(voice.localPath) : undefined
  return (
    <View className='card'>
      <View className='field-label'>语音（可不录，最长{VOICE_MAX_SECONDS}秒）</View>
      {voice ? (
        <View className='row voice'>
          <Text className='voice__play' onClick={play}>
            ▶ 听一听 {voice.seconds ? `${voice.seconds}秒` : ''}
          </Text>
          <View className='spacer' />
          {state?.failed ? (
            <Text className='photo__link' onClick={() => void uploads.retry(voice.localPath, 'audio')}>
              上传失败，重试
            </Text>
          ) : (
            <Text className='muted'>{voice.fileId ? '已上传' : `上传中 ${state?.progress ?? 0}%`}</Text>
          )}
          <Text className='voice__remove' onClick={() => uploads.remove(voice.localPath)}>
            删除
          </Text>
        </View>
      ) : (
        <View className={recording ? 'voice-button voice-button--on' : 'voice-button'} onClick={toggle}>
          <Text>{recording ? '正在录音… 点这里结束' : '点这里开始录音'}</Text>
        </View>
      )}
    </View>
  )
}
