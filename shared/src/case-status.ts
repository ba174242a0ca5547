// The case lifecycle under the 信访工作条例 (2022) as pure data and functions, so the
// server enforces it and the workbench shows only the buttons that will succeed.
// Deadlines are not checked here (see deadlines.ts): a state machine that needs a
// clock cannot be tested as a table.

export const CASE_STATUSES = [
  'registered',
  'mediating',
  'accepted',
  'rejected',
  'forwarded',
  'replied',
  'closed',
  'review_requested',
  'reviewing',
  'rereview_requested',
  'rereviewing',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

/** The words residents read on their timeline. */
export const STATUS_LABELS = {
  registered: '已登记',
  mediating: '调解中',
  accepted: '办理中',
  rejected: '不予受理',
  forwarded: '已转送',
  replied: '已答复',
  closed: '已办结',
  review_requested: '申请复查',
  reviewing: '复查中',
  rereview_requested: '申请复核',
  rereviewing: '复核中',
} as const satisfies Record<CaseStatus, string>

export const ROLES = ['resident', 'office', 'handler', 'grid', 'supervisor', 'leader', 'admin', 'system'] as const
export type Role = (typeof ROLES)[number]

export const CASE_ACTIONS = [
  'accept',
  'reject',
  'forward',
  'start_mediation',
  'mediation_succeeded',
  'mediation_failed',
  'assign',
  'object',
  'decide_objection',
  'request_info',
  'report_verification',
  'request_extension',
  'decide_extension',
  'reply',
  'close',
  'request_review',
  'accept_review',
  'decide_review',
  'request_rereview',
  'accept_rereview',
  'decide_rereview',
  'supervise',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

export interface ActionRule {
  readonly from: readonly CaseStatus[]
  /** null: the action is recorded on the timeline and leaves the status as it is */
  readonly to: CaseStatus | null
  readonly roles: readonly Role[]
  readonly label: string
}

/** Statuses in which someone is still working the case. */
export const OPEN_STATUSES = ['registered', 'mediating', 'accepted', 'review_requested', 'reviewing', 'rereview_requested', 'rereviewing'] as const satisfies readonly CaseStatus[]
const IN_HAND = ['registered', 'mediating', 'accepted', 'reviewing', 'rereviewing'] as const satisfies readonly CaseStatus[]

// Who may do what, and from where. Jurisdiction (which office, which level) is the policy
// module's job on the server; this table only knows roles and states. Supervisors and leaders
// take no lifecycle action on purpose: 督办 and approving an extension leave the status alone,
// and an admin who could reply would blur who is accountable for the reply.
export const ACTION_RULES = {
  accept: { from: ['registered'], to: 'accepted', roles: ['office', 'handler'], label: '受理' },
  reject: { from: ['registered'], to: 'rejected', roles: ['office', 'handler'], label: '不予受理' },
  forward: { from: ['registered'], to: 'forwarded', roles: ['office'], label: '转送' },
  start_mediation: { from: ['registered'], to: 'mediating', roles: ['office', 'grid'], label: '启动访前调解' },
  mediation_succeeded: { from: ['mediating'], to: 'closed', roles: ['office', 'grid'], label: '调解成功' },
  mediation_failed: { from: ['mediating'], to: 'registered', roles: ['office', 'grid'], label: '调解未成，转入信访程序' },
  assign: { from: IN_HAND, to: null, roles: ['office'], label: '交办' },
  object: { from: ['registered', 'accepted'], to: null, roles: ['handler', 'office'], label: '提出异议（非本单位职责）' },
  decide_objection: { from: ['registered', 'accepted'], to: null, roles: ['office'], label: '裁定异议' },
  request_info: { from: IN_HAND, to: null, roles: ['office', 'handler', 'grid'], label: '请群众补充材料' },
  report_verification: { from: IN_HAND, to: null, roles: ['grid'], label: '反馈核实情况' },
  request_extension: { from: ['accepted'], to: null, roles: ['handler', 'office'], label: '申请延期' },
  decide_extension: { from: ['accepted'], to: null, roles: ['office', 'leader'], label: '审批延期' },
  reply: { from: ['accepted'], to: 'replied', roles: ['handler', 'office'], label: '出具答复意见' },
  close: { from: ['replied'], to: 'closed', roles: ['office', 'handler', 'system'], label: '办结' },
  request_review: { from: ['replied', 'closed'], to: 'review_requested', roles: ['resident'], label: '申请复查' },
  accept_review: { from: ['review_requested'], to: 'reviewing', roles: ['office'], label: '受理复查' },
  decide_review: { from: ['reviewing'], to: 'replied', roles: ['office'], label: '出具复查意见' },
  request_rereview: { from: ['replied', 'closed'], to: 'rereview_requested', roles: ['resident'], label: '申请复核' },
  accept_rereview: { from: ['rereview_requested'], to: 'rereviewing', roles: ['office'], label: '受理复核' },
  decide_rereview: { from: ['rereviewing'], to: 'closed', roles: ['office'], label: '出具复核意见' },
  supervise: { from: OPEN_STATUSES, to: null, roles: ['supervisor', 'leader', 'office'], label: '督办' },
} as const satisfies Record<CaseAction, ActionRule>

export type TransitionResult =
  | { readonly ok: true; readonly to: CaseStatus }
  | { readonly ok: false; readonly reason: 'invalid_state' | 'forbidden_role' }

export const isCaseStatus = (value: unknown): value is CaseStatus =>
  typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value)
export const isCaseAction = (value: unknown): value is CaseAction =>
  typeof value === 'string' && (CASE_ACTIONS as readonly string[]).includes(value)
export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)

const rule = (action: CaseAction): ActionRule => ACTION_RULES[action]

/**
 * The role is checked before the state: someone who may never take an action gets
 * the same answer whatever the case's state, so a refusal does not reveal it.
 */
export const transition = (status: CaseStatus, action: CaseAction, role: Role): TransitionResult => {
  const r = rule(action)
  if (!r.roles.includes(role)) return { ok: false, reason: 'forbidden_role' }
  if (!r.from.includes(status)) return { ok: false, reason: 'invalid_state' }
  return { ok: true, to: r.to ?? status }
}

/** Actions `role` may take on a case in `status`, in CASE_ACTIONS order. */
export const allowedActions = (status: CaseStatus, role: Role): CaseAction[] =>
  CASE_ACTIONS.filter((a) => transition(status, a, role).ok)

// Derived from the table so it cannot drift. `closed` is not terminal: the
// resident may still ask for a review of a closed case (the 30-day window is
// a deadline, checked by the caller).
const TERMINAL = new Set<CaseStatus>(
  CASE_STATUSES.filter((s) => CASE_ACTIONS.every((a) => !rule(a).from.includes(s))),
)

/** No action by anyone leads out of this status. */
export const isTerminal = (status: CaseStatus): boolean => TERMINAL.has(status)
