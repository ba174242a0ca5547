/**
 * What can appear on a case timeline, with the words residents read. Every state change is an
 * entry; so are things that change no state but matter to the resident (a rating, a dispatch).
 */
export const TIMELINE_ACTIONS = {
  submitted: '提交诉求',
  dispatched: '自动派发',
  triaged: '转入人工分办',
  accepted: '已受理',
  rejected: '不予受理',
  forwarded: '已转送',
  replied: '已答复',
  mediation_started: '启动访前调解',
  mediated: '调解成功',
  mediation_failed: '调解未成，转入信访程序',
  assigned: '交办',
  objected: '办理单位提出异议',
  objection_upheld: '异议成立，重新交办',
  objection_dismissed: '异议不成立，继续办理',
  info_requested: '请您补充材料',
  info_provided: '群众补充材料',
  verification_reported: '网格员反馈核实情况',
  extension_requested: '申请延期',
  extension_approved: '延期已批准',
  extension_denied: '延期未批准',
  rated: '群众评价',
  closed: '已办结',
  review_requested: '申请复查',
  review_accepted: '受理复查',
  review_decided: '出具复查意见',
  rereview_requested: '申请复核',
  rereview_accepted: '受理复核',
  rereview_decided: '出具复核意见',
  supervised: '督办',
  escalated: '超期督办',
  cosign_warning: '联名预警',
  cosign_closed: '发起人结束联名',
  deadlines_recounted: '按新公布的节假日安排重算期限',
  // the heating zone's direct link to the heating company's work orders
  heating_forwarded: '已转热力公司',
  heating_received: '热力公司收到工单',
  heating_accepted: '热力公司已接单',
  heating_on_site: '维修人员已上门',
  heating_fixed: '热力公司报告已修好',
  heating_cannot_fix: '热力公司报告暂时修不了',
  heating_push_failed: '工单未能送达热力公司',
} as const

export type TimelineAction = keyof typeof TIMELINE_ACTIONS

export const ACTOR_TYPES = ['resident', 'staff', 'system'] as const
export type ActorType = (typeof ACTOR_TYPES)[number]

export const REPLY_OUTCOMES = {
  supported: '诉求合理，予以支持',
  partly_supported: '部分支持',
  not_supported: '诉求不予支持',
  explained: '解释说明',
} as const
export type ReplyOutcome = keyof typeof REPLY_OUTCOMES

export const SATISFACTION = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
} as const
export type Satisfaction = keyof typeof SATISFACTION

/**
 * How a case's assignment is held: the lead unit handles it; in a livelihood zone the region's
 * office is equally accountable (一案双交); elsewhere it oversees; a co-owner is the city unit
 * beside a district office that leads a local matter the unit has no district counterpart for;
 * triage is the city office sorting a case no rule fits; verify is a grid member checking the
 * facts on the ground.
 */
export const ASSIGNMENT_ROLES = {
  lead: '承办单位',
  co_owner: '共同承办单位',
  territorial: '属地责任单位',
  oversight: '属地督办',
  triage: '人工分办',
  verify: '网格核实',
} as const
export type AssignmentRole = keyof typeof ASSIGNMENT_ROLES

/** The roles that answer for the case itself: they accept, reply, object, ask for time. */
export const HANDLING_ROLES: ReadonlySet<string> = new Set<AssignmentRole>(['lead', 'co_owner', 'territorial'])
