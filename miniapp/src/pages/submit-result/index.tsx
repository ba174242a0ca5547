import { useRouter } from '@tarojs/taro'
import { ErrorBlock } from '../../components/feedback'
import { PageShell } from '../../components/page-shell'
import { ResultView } from '../../features/submit/result-view'
import { navigateTo, paramOf } from '../../routes'

export default function SubmitResultPage() {
  const { params } = useRouter()
  const id = paramOf(params, 'id')
  const trackingNo = paramOf(params, 'no')
  return (
    <PageShell>
      {id && trackingNo ? (
        <ResultView
          result={{
            id,
            trackingNo,
            assignedTo: paramOf(params, 'to'),
            acceptBy: paramOf(params, 'acceptBy'),
            answerBy: paramOf(params, 'answerBy'),
            promise: paramOf(params, 'promise'),
            jointSuggested: paramOf(params, 'joint') === '1',
          }}
        />
      ) : (
        <ErrorBlock message='没有找到提交结果，请到「我的诉求」查看' retryText='去我的诉求' onRetry={() => navigateTo('myCases', {})} />
      )}
    </PageShell>
  )
}
