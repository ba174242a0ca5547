import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { summarizeCase } from './api'
import { useAssist } from './use-assist'
import './case.scss'

/** 案情摘要 on request: the case in a few lines for whoever picks it up, marked with who wrote them. */
export function CaseBrief({ caseId }: { caseId: string }) {
  const { busy, error, draft, run } = useAssist(() => summarizeCase(caseId))
  const button = (
    <Button className='action' fill='outline' block loading={busy} disabled={busy} onClick={() => void run()}>
      {busy ? '正在生成摘要…' : draft ? '重新生成摘要' : '案情摘要'}
    </Button>
  )
  const failure = error && <Text className='field-error line'>{error}</Text>
  if (!draft) {
    return (
      <View className='wb-brief'>
        {button}
        {failure}
      </View>
    )
  }
  return (
    <View className='card'>
      <View className='section-title'>案情摘要</View>
      <Text className='wb-draft__source line'>{draft.sourceLabel}，仅供参考，以原件为准</Text>
      <Text className='wb-text' userSelect>
        {draft.text}
      </Text>
      {failure}
      {button}
    </View>
  )
}
