import type { StaffActionName } from '@xinfang/shared/contracts/cases'
import { REPLY_OUTCOMES, type ReplyOutcome } from '@xinfang/shared/timeline'

/**
 * Each staff action's form, field by field, named as in ActionBodySchemas
 * (shared/src/contracts/cases.ts) with the same length limits, so the form refuses what the
 * server would refuse and says so in the same words. action-forms.test.ts checks them against
 * the schemas.
 */
export type FieldSpec =
  /** free text; min 0 means optional; `drafted`: the assistant can write a draft of it (a reply's text) */
  | { kind: 'text'; name: string; label: string; min: number; max: number; placeholder?: string; drafted?: boolean }
  | { kind: 'choice'; name: string; label: string; options: readonly ChoiceOption[] }
  | { kind: 'days'; name: string; label: string; min: number; max: number }
  /** a unit, office or grid member from GET /workbench/assignees */
  | { kind: 'target'; name: string; label: string; optional: boolean; showIf?: (values: FormValues) => boolean }
  | { kind: 'switch'; name: string; label: string }

export interface ChoiceOption {
  value: string | boolean
  label: string
  hint?: string
}

export type FormValues = Record<string, unknown>

const note = (label = '说明（可不填）'): FieldSpec => ({ kind: 'text', name: 'note', label, min: 0, max: 500 })

// Plain words for what each outcome means to the resident, so the choice is made honestly: a
// problem that is not fixed is not 予以支持, however the reply is worded.
const OUTCOME_HINTS: Record<ReplyOutcome, string> = {
  supported: '问题已解决或将按诉求解决',
  partly_supported: '只解决了一部分',
  not_supported: '问题不会按诉求解决，须写明依据',
  explained: '只作政策解释，问题本身没有解决',
}
const outcome: FieldSpec = {
  kind: 'choice',
  name: 'outcome',
  label: '办理结果（如实选择）',
  options: (Object.entries(REPLY_OUTCOMES) as [ReplyOutcome, string][]).map(([value, label]) => ({ value, label, hint: OUTCOME_HINTS[value] })),
}
const replyText = (label: string): FieldSpec => ({ kind: 'text', name: 'text', label, min: 10, max: 5000, placeholder: '写明查明的事实、处理结果和依据', drafted: true })

export const ACTION_FORMS: Record<StaffActionName, readonly FieldSpec[]> = {
  accept: [note('受理说明（可不填）')],
  reject: [
    { kind: 'text', name: 'reason', label: '不予受理的理由', min: 2, max: 500 },
    { kind: 'text', name: 'channel', label: '告知群众的法定途径', min: 2, max: 200, placeholder: '例如：向有管辖权的人民法院提起诉讼' },
  ],
  forward: [
    { kind: 'text', name: 'to', label: '转送机关', min: 2, max: 100 },
    { kind: 'text', name: 'reason', label: '转送理由', min: 2, max: 500 },
  ],
  start_mediation: [note()],
  mediation_succeeded: [{ kind: 'text', name: 'agreement', label: '调解协议内容', min: 5, max: 2000 }],
  mediation_failed: [{ kind: 'text', name: 'reason', label: '调解未成的原因', min: 2, max: 500 }],
  assign: [
    { kind: 'target', name: 'target', label: '交办给', optional: false },
    { kind: 'switch', name: 'replace', label: '改派：结束原承办单位的交办' },
    note('交办要求（可不填）'),
  ],
  object: [{ kind: 'text', name: 'reason', label: '异议理由（为什么不属于本单位职责）', min: 5, max: 500 }],
  decide_objection: [
    { kind: 'choice', name: 'upheld', label: '裁定结果', options: [{ value: true, label: '异议成立' }, { value: false, label: '异议不成立' }] },
    { kind: 'text', name: 'reason', label: '裁定理由', min: 2, max: 500 },
    { kind: 'target', name: 'reassignTo', label: '重新交办给（可不选）', optional: true, showIf: (v) => v.upheld === true },
  ],
  request_info: [{ kind: 'text', name: 'question', label: '请群众补充什么', min: 5, max: 500 }],
  report_verification: [{ kind: 'text', name: 'findings', label: '核实情况', min: 5, max: 2000 }],
  request_extension: [
    { kind: 'days', name: 'days', label: '延长几个工作日（1–30）', min: 1, max: 30 },
    { kind: 'text', name: 'reason', label: '延期理由（会告知群众）', min: 5, max: 500 },
  ],
  decide_extension: [
    { kind: 'choice', name: 'approved', label: '审批结果', options: [{ value: true, label: '批准延期' }, { value: false, label: '不批准' }] },
    { kind: 'text', name: 'note', label: '审批意见', min: 2, max: 500 },
  ],
  reply: [outcome, replyText('答复意见')],
  close: [note()],
  accept_review: [note()],
  decide_review: [outcome, replyText('复查意见')],
  accept_rereview: [note()],
  decide_rereview: [outcome, replyText('复核意见')],
  supervise: [{ kind: 'text', name: 'note', label: '督办要求', min: 2, max: 500 }],
}

export const isStaffAction = (action: string): action is StaffActionName => Object.prototype.hasOwnProperty.call(ACTION_FORMS, action)

export const visibleFields = (action: StaffActionName, values: FormValues) =>
  ACTION_FORMS[action].filter((f) => f.kind !== 'target' || !f.showIf || f.showIf(values))

const length = (text: string) => Array.from(text.trim()).length

/** The first thing wrong with the form, in the words the server would use, or null. */
export function formProblem(action: StaffActionName, values: FormValues): string | null {
  for (const field of visibleFields(action, values)) {
    const value = values[field.name]
    if (field.kind === 'text') {
      const text = typeof value === 'string' ? value : ''
      if (field.min > 0 && length(text) === 0) return `请填写「${field.label}」`
      if (length(text) < field.min) return `「${field.label}」至少要写${field.min}个字`
      if (length(text) > field.max) return `「${field.label}」最多${field.max}个字`
    }
    if (field.kind === 'choice' && value === undefined) return `请选择「${field.label}」`
    if (field.kind === 'target' && !field.optional && !value) return `请选择「${field.label}」`
    if (field.kind === 'days') {
      const days = Number(value)
      if (!Number.isInteger(days) || days < field.min || days > field.max) return `「${field.label}」请填${field.min}到${field.max}之间的整数`
    }
  }
  return null
}

/** The request body: trimmed text, blanks and unset options left out, days as a number. */
export function formBody(action: StaffActionName, values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const field of visibleFields(action, values)) {
    const value = values[field.name]
    if (field.kind === 'text') {
      const text = typeof value === 'string' ? value.trim() : ''
      if (text) body[field.name] = text
    } else if (field.kind === 'days') body[field.name] = Number(value)
    else if (field.kind === 'switch') {
      if (value === true) body[field.name] = true
    } else if (value !== undefined && value !== null) body[field.name] = value
  }
  return body
}
