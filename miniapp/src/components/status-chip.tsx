import { Text } from '@tarojs/components'
import { STATUS_LABELS, type CaseStatus } from '@xinfang/shared/case-status'
import './components.scss'

const TONE: Record<CaseStatus, 'wait' | 'work' | 'done' | 'stop'> = {
  registered: 'wait',
  mediating: 'work',
  accepted: 'work',
  rejected: 'stop',
  forwarded: 'wait',
  replied: 'done',
  closed: 'done',
  review_requested: 'wait',
  reviewing: 'work',
  rereview_requested: 'wait',
  rereviewing: 'work',
}

/** The case status in residents' words (STATUS_LABELS), coloured by where it stands. */
export function StatusChip({ status }: { status: CaseStatus }) {
  return <Text className={`chip chip--${TONE[status]}`}>{STATUS_LABELS[status]}</Text>
}

/**
 * What the reply decided (REPLY_OUTCOMES), beside the status of a replied or closed case: 已办结
 * alone would read as "fixed" for a case closed with 不予支持 or only an explanation.
 */
export function OutcomeChip({ label }: { label: string | null }) {
  return label ? <Text className='chip chip--outcome'>{label}</Text> : null
}
