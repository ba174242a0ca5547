import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { draftReply } from './api'
import { useAssist } from './use-assist'
import './case.scss'

/**
 * 生成答复草稿 above a reply's text box. It asks before replacing what the staff member wrote,
 * and keeps saying who wrote the draft, so a template is never sent as if it were a checked reply.
 */
export function ReplyDraft({ caseId, text, onText }: { caseId: string; text: string; onText: (text: string) => void }) {
  const { busy, error, draft, run } = useAssist(() => draftReply(caseId))

  const generate = async () => {
    if (text.trim()) {
      const { confirm } = await Taro.showModal({ title: '替换已写的内容？', content: '生成的草稿会替换您已经写的答复内容。', confirmText: '替换' })
      if (!confirm) return
    }
    const got = await run()
    if (got) onText(got.text)
  }

  return (
    <View className='wb-draft'>
      <Button className='action wb-draft__button' fill='outline' block loading={busy} disabled={busy} onClick={() => void generate()}>
        {busy ? '正在生成草稿…' : '生成答复草稿'}
      </Button>
      {error && <Text className='field-error line'>{error}</Text>}
      {draft && !error && (
        <Text className='wb-draft__source line'>
          下面是「{draft.sourceLabel}」的草稿，请逐句核实、修改后再提交
        </Text>
      )}
    </View>
  )
}
