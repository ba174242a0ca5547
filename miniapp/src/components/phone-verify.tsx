import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { PhoneVerificationBody } from '@xinfang/shared/contracts/auth'
import { messageOf } from '../api/api-error'
import { verifyPhone } from '../api/auth'
import { alipayPhoneNumber, phoneVerification } from '../platform/phone'
import { useSessionStore } from '../stores/session-store'
import './components.scss'

const DECLINED = '没有拿到手机号。联名需要验证本人手机号，请再点一次并选择允许'

/**
 * The step a resident without real-name verification takes before a joint complaint: the
 * platform's own phone-number button (the number comes from WeChat or Alipay, not typed in).
 * A browser has none: the resident is told where it works instead. `label` says what the tap
 * does besides verifying, when `onVerified` carries on with it.
 */
export function PhoneVerify({ onVerified, label = '验证手机号' }: { onVerified: () => void; label?: string }) {
  const [busy, setBusy] = useState(false)

  const send = async (body: PhoneVerificationBody) => {
    setBusy(true)
    try {
      useSessionStore.getState().residentUpdated(await verifyPhone(body))
      void Taro.showToast({ title: '手机号已验证', icon: 'success' })
      onVerified()
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  const declined = () => void Taro.showToast({ title: DECLINED, icon: 'none', duration: 3000 })

  return (
    <View className='card phone-verify'>
      <Text className='phone-verify__title'>先验证本人手机号</Text>
      {phoneVerification === 'none' ? (
        <Text className='phone-verify__text'>
          这里是浏览器，没法验证手机号。请在「郑州城市App」里打开这个页面（会自动实名），或者用微信扫同一个二维码。
        </Text>
      ) : (
        <Text className='phone-verify__text'>为了一人只算一次，联名需要实名。点下面的按钮，用您在{phoneVerification === 'wechat' ? '微信' : '支付宝'}绑定的手机号验证。</Text>
      )}
      {phoneVerification === 'wechat' && (
        <Button
          className='phone-verify__button'
          openType='getPhoneNumber'
          loading={busy}
          disabled={busy}
          onGetPhoneNumber={(e) => (e.detail.code ? void send({ platform: 'wechat', code: e.detail.code }) : declined())}
        >
          {label}
        </Button>
      )}
      {phoneVerification === 'alipay' && (
        <Button
          className='phone-verify__button'
          openType='getAuthorize'
          scope='phoneNumber'
          loading={busy}
          disabled={busy}
          onGetAuthorize={() => void alipayPhoneNumber().then(send, declined)}
          onError={declined}
        >
          {label}
        </Button>
      )}
    </View>
  )
}
