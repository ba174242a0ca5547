// The workbench's words, free of TypeBox so the mini-program's workbench can import them
// without shipping the schema library; contracts/workbench.ts builds its schemas from these.

export const QUEUE_BUCKETS = {
  to_accept: '待受理',
  to_handle: '待办理',
  due_soon: '即将超期',
  overdue: '已超期',
  /** open livelihood-zone cases, soonest due first: an hour's question on top */
  zones: '民生专区',
} as const
export type QueueBucket = keyof typeof QUEUE_BUCKETS

export const REVEAL_FIELDS = {
  contactPhone: '联系电话',
  residentPhone: '实名手机号',
  residentName: '姓名',
  residentIdNumber: '身份证号',
} as const
export type RevealField = keyof typeof REVEAL_FIELDS
