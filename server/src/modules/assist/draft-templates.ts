import type { ChatMessage } from '../../integrations/llm'
import { briefLines, today, type CaseBrief } from './case-brief'

/**
 * What staff get when no model is configured or the model fails: the letter's fixed frame
 * (信访工作条例 requires the review channel to be named) with the case's facts filled in and
 * the parts only the handler knows left as 【待填写】, so nothing unverified reads as fact.
 */
export function localReplyDraft(brief: CaseBrief, now: Date): string {
  const gist = brief.content.length > 120 ? `${brief.content.slice(0, 120)}……` : brief.content
  return [
    '信访事项答复意见书（草稿）',
    '',
    '信访人：',
    `您于${brief.registeredOn}通过智慧信访平台反映的“${brief.title}”一事（编号${brief.trackingNo}）收悉。经${brief.unit}办理，现答复如下：`,
    `一、您反映的主要问题：${gist}`,
    '二、调查核实情况：【待填写：核实的时间、方式和查明的事实】',
    '三、处理意见及依据：【待填写：处理结果和所依据的法律、政策】',
    '如对本答复意见不服，可以自收到本答复意见书之日起30日内向本机关的上一级机关请求复查。',
    '',
    brief.unit,
    today(now),
  ].join('\n')
}

export function localSummary(brief: CaseBrief): string {
  const first = brief.content.split(/[。！？!?\n]/).find((s) => s.trim())?.trim() ?? brief.title
  return [`【案情摘要】${first.length > 80 ? `${first.slice(0, 80)}……` : first}`, ...briefLines(brief).filter((l) => !l.startsWith('来信内容') && !l.startsWith('标题'))].join('\n')
}

const SYSTEM_REPLY =
  '你是郑州市信访工作人员的写作助手。请根据下面的案件事实，起草一份《信访事项答复意见书》草稿：' +
  '语气平实、尊重信访人；只使用给出的事实，不得编造调查结果、数字或承诺；核实情况和处理意见写成【待填写】由工作人员补充；' +
  '结尾写明不服可在30日内向上一级机关请求复查。只输出答复正文。'

const SYSTEM_SUMMARY =
  '你是郑州市信访工作人员的助手。请用不超过150字概括下面这件信访事项的摘要：诉求人要什么、涉及谁、金额和时间等关键事实、目前状态。' +
  '只使用给出的事实，不要评论，不要编造。'

export const replyPrompt = (brief: CaseBrief): ChatMessage[] => [
  { role: 'system', content: SYSTEM_REPLY },
  { role: 'user', content: briefLines(brief).join('\n') },
]

export const summaryPrompt = (brief: CaseBrief): ChatMessage[] => [
  { role: 'system', content: SYSTEM_SUMMARY },
  { role: 'user', content: briefLines(brief).join('\n') },
]
