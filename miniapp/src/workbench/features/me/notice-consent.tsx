import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import { askNoticeConsent, NOTICE_PLATFORM_NAME, prepareNoticeConsent, type NoticeConsent } from '../../../platform/subscribe'
import './me.scss'

/** What came of the tap, in the staff member's words; `name` is 微信 or 支付宝. */
function resultText({ outcome }: NoticeConsent, name: string): string {
  if (outcome === 'accepted') return `已开启，下一条提醒会发到${name}。`
  if (outcome === 'declined') return `没有开启：刚才没有选「允许」。提醒会改发短信，想在${name}里收，请再点一次并选「允许」。`
  if (outcome === 'switched_off') return `${name}里本小程序的消息提醒是关着的：请点右上角「···」→「设置」，打开消息提醒后再点一次。在此之前提醒发短信。`
  return '这次没能开启，请稍后再点一次。在此之前提醒发短信。'
}

/**
 * 开启微信提醒 / 开启支付宝提醒, only inside that mini-program: the platform lets a message
 * through only after the user allowed it, one message per allowance, so the button may be
 * tapped again and the case actions ask again on their own.
 */
export function NoticeConsentRow() {
  const [result, setResult] = useState<NoticeConsent | null>(null)
  const [asking, setAsking] = useState(false)
  // shown once the ids are here, so the tap opens the dialog at once (see prepareNoticeConsent)
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let open = true
    void prepareNoticeConsent().then((ok) => open && setReady(ok))
    return () => {
      open = false
    }
  }, [])
  if (!NOTICE_PLATFORM_NAME || !ready) return null
  const name = NOTICE_PLATFORM_NAME

  const ask = async () => {
    setAsking(true)
    setResult(await askNoticeConsent())
    setAsking(false)
  }

  return (
    <View className='wb-notice__consent'>
      <Button className='action' type='primary' block loading={asking} disabled={asking} onClick={ask}>
        开启{name}提醒
      </Button>
      <Text className={result?.outcome === 'accepted' ? 'wb-notice__result line' : 'muted line'}>
        {result ? resultText(result, name) : `${name}每同意一次，能收到一条提醒；办理诉求时也会顺便问您。`}
      </Text>
    </View>
  )
}
