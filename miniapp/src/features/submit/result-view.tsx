import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { deadlineWords, formatDateTime } from '../../lib/dates'
import { navigateTo } from '../../routes'
import './result.scss'

export interface SubmitResult {
  id: string
  trackingNo: string
  /** the offices the case went to, already joined for reading */
  assignedTo?: string
  acceptBy?: string
  /** a zone case: when the answer is owed (应答复时间) and the promise behind it */
  answerBy?: string
  promise?: string
  /** several co-workers are owed too: a joint complaint carries more weight */
  jointSuggested?: boolean
}

const NEXT_STEPS = [
  '办理单位先看您反映的问题，决定是否受理，并告诉您结果。',
  '受理后，60个工作日内给您书面答复；办理人员可能打电话联系您。',
  '收到答复后，请给办理结果打个分；不满意可以申请复查。',
]

/** After a confirmed submission: the tracking number to keep, who has it, and what comes next. */
export function ResultView({ result }: { result: SubmitResult }) {
  const acceptBy = result.acceptBy ? deadlineWords(result.acceptBy) : null
  const copy = () => void Taro.setClipboardData({ data: result.trackingNo })
  return (
    <View>
      <View className='card result-head'>
        <Text className='result-head__ok'>✓ 提交成功</Text>
        <Text className='muted'>您的查询码（请记下或复制）</Text>
        <Text className='result-head__no' userSelect>
          {result.trackingNo}
        </Text>
        <Button className='action' type='primary' fill='outline' block onClick={copy}>
          复制查询码
        </Button>
      </View>
      <View className='card'>
        {result.assignedTo && <Text className='result-line'>已交给：{result.assignedTo}</Text>}
        {result.answerBy && (
          <Text className='result-line result-line--zone'>
            应答复时间：{formatDateTime(result.answerBy)}前{result.promise ? `（${result.promise}）` : ''}
          </Text>
        )}
        {acceptBy && (
          <Text className='result-line'>
            是否受理，最晚 {acceptBy.date} 告诉您（{acceptBy.left}）
          </Text>
        )}
      </View>
      {result.jointSuggested && (
        <View className='card'>
          <Text className='result-line'>还有工友也被拖欠工资？发起联名，大家扫码一起反映，办理单位会一并处理。</Text>
          <Button className='action' type='primary' fill='outline' block onClick={() => navigateTo('cosignCreate', {})}>
            发起联名
          </Button>
        </View>
      )}
      <View className='card'>
        <View className='section-title'>接下来会怎样</View>
        {NEXT_STEPS.map((step, i) => (
          <View key={step} className='row result-step'>
            <Text className='result-step__no'>{i + 1}</Text>
            <Text className='result-step__text'>{step}</Text>
          </View>
        ))}
      </View>
      <Button className='action' type='primary' size='large' block onClick={() => navigateTo('caseDetail', { id: result.id }, { replace: true })}>
        查看这件诉求
      </Button>
      <Button className='action' size='large' block onClick={() => navigateTo('home', {})}>
        回到首页
      </Button>
    </View>
  )
}
