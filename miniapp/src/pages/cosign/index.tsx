import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { ErrorBlock, Loading } from '../../components/feedback'
import { PageShell } from '../../components/page-shell'
import { CosignView } from '../../features/cosign/cosign-view'
import { useCosign } from '../../features/cosign/use-cosign'
import { isCosignToken } from '../../lib/cosign-link'
import { navigateTo, paramOf, urlOf } from '../../routes'

/**
 * Where a scanned co-sign code lands. The token comes as `scene` from a WeChat mini-program code
 * (URL-encoded there), as `t` from an Alipay code's query and from the H5 link's hash.
 */
export default function CosignPage() {
  const { params } = useRouter()
  const token = [paramOf(params, 't'), paramOf(params, 'scene')].find(isCosignToken) ?? ''
  const cosign = useCosign(token)

  // also on coming back from signing in, when the API can say whether this resident has signed
  useDidShow(() => void (token && cosign.load()))
  usePullDownRefresh(() => void cosign.load().finally(() => Taro.stopPullDownRefresh()))
  // forwarding the page to a WeChat group is the other way neighbours hear of it
  useShareAppMessage(() => ({ title: `邀请您联名：${cosign.view?.title ?? '联名反映'}`, path: urlOf('cosign', { t: token }) }))

  const body = !token ? (
    <ErrorBlock message='这个联名二维码不完整，请重新扫码，或向发起人重新索取' retryText='回到首页' onRetry={() => navigateTo('home', {})} />
  ) : cosign.view ? (
    <CosignView view={cosign.view} cosign={cosign} token={token} />
  ) : cosign.error ? (
    <ErrorBlock message={cosign.error} onRetry={() => void cosign.load()} />
  ) : (
    <Loading />
  )
  return <PageShell>{body}</PageShell>
}
