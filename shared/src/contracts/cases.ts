import { Type, type Static } from 'typebox'
import { REPLY_OUTCOMES, SATISFACTION, ASSIGNMENT_ROLES, ACTOR_TYPES } from '../timeline'
import {
  CaseStatusSchema,
  CategoryCodeSchema,
  ContactPhoneSchema,
  IdSchema,
  Nullable,
  PageQuerySchema,
  PlaceCodeSchema,
  RegionCodeSchema,
  UnitCodeSchema,
  TextSchema,
  TimestampSchema,
  ZoneCodeSchema,
} from './common'
import { FileRefSchema } from './files'
import { ZoneAskSchema, ZoneClockSchema, ZoneFormInputSchema } from './zones'
import {
  ADDRESS_MAX,
  CONTENT_MAX,
  CONTENT_MIN,
  INFO_TEXT_MAX,
  INFO_TEXT_MIN,
  MAX_ATTACHMENTS,
  RATING_COMMENT_MAX,
  REVIEW_REASON_MAX,
  REVIEW_REASON_MIN,
} from '../limits'

const keys = <T extends object>(record: T) => Object.keys(record) as (keyof T & string)[]


export const LocationSchema = Type.Object(
  {
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
  },
  { additionalProperties: false },
)

export const CreateCaseBodySchema = Type.Object(
  {
    content: TextSchema(CONTENT_MIN, CONTENT_MAX),
    title: Type.Optional(TextSchema(1, 60)),
    category: Type.Optional(CategoryCodeSchema),
    zone: Type.Optional(ZoneCodeSchema),
    region: Type.Optional(RegionCodeSchema),
    street: Type.Optional(PlaceCodeSchema),
    address: Type.Optional(Type.String({ maxLength: ADDRESS_MAX })),
    location: Type.Optional(LocationSchema),
    contactPhone: Type.Optional(ContactPhoneSchema),
    attachments: Type.Optional(Type.Array(IdSchema, { maxItems: MAX_ATTACHMENTS, uniqueItems: true })),
    anonymous: Type.Optional(Type.Boolean({ description: '匿名：办理单位看不到姓名和电话' })),
    ask: Type.Optional(ZoneAskSchema),
    zoneForm: Type.Optional(ZoneFormInputSchema),
  },
  { additionalProperties: false },
)
export type CreateCaseBody = Static<typeof CreateCaseBodySchema>

export const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_:.-]{8,128}$' })),
})

export const AssignmentSchema = Type.Object({
  unit: Type.String(),
  unitName: Type.String(),
  region: Type.String({ description: '单位所在层级：city 或区县代码' }),
  role: Type.Enum(keys(ASSIGNMENT_ROLES)),
  roleLabel: Type.String(),
  ruleId: Nullable(Type.String()),
  assignee: Nullable(Type.Object({ id: IdSchema, name: Type.String() }, { description: '交网格员核实时的网格员' })),
  assignedAt: TimestampSchema,
  objection: Nullable(Type.Object({ reason: Type.String(), at: TimestampSchema })),
})

export const DEADLINE_KEYS = ['acceptBy', 'respondBy', 'replyBy', 'reviewRequestBy', 'reviewBy'] as const
export type DeadlineKey = (typeof DEADLINE_KEYS)[number]

export const DeadlinesSchema = Type.Object({
  acceptBy: Nullable(TimestampSchema),
  respondBy: Nullable(TimestampSchema),
  replyBy: Nullable(TimestampSchema),
  reviewRequestBy: Nullable(TimestampSchema),
  reviewBy: Nullable(TimestampSchema),
  provisional: Type.Array(Type.Enum(DEADLINE_KEYS), {
    description: '暂定的期限：计算时跨入了尚未公布节假日安排的年份，只按周末推算；公布后重新计算',
  }),
})

export const CaseCreatedSchema = Type.Object({
  id: IdSchema,
  trackingNo: Type.String(),
  status: CaseStatusSchema,
  assignments: Type.Array(AssignmentSchema),
  deadlines: DeadlinesSchema,
  zoneClock: Nullable(ZoneClockSchema),
  jointSuggested: Type.Boolean({ description: '几位工友一起被欠薪：建议发起联名诉求' }),
})

export const TimelineEntrySchema = Type.Object({
  id: Type.Integer(),
  at: TimestampSchema,
  action: Type.String(),
  label: Type.String(),
  actor: Type.Object({ type: Type.Enum(ACTOR_TYPES), label: Type.String(), phone: Nullable(Type.String({ description: '办理人联系电话，对群众脱敏' })) }),
  fromStatus: Nullable(CaseStatusSchema),
  toStatus: Nullable(CaseStatusSchema),
  note: Nullable(Type.String()),
  data: Nullable(Type.Record(Type.String(), Type.Unknown())),
})

/** What identifies a case and where it stands: the head of a list item and of public tracking. */
const CaseHeadlineSchema = Type.Object({
  trackingNo: Type.String({ description: '12位查询码，4-4-4 分组' }),
  status: CaseStatusSchema,
  statusLabel: Type.String(),
  category: Nullable(Type.String()),
  zone: Nullable(Type.String()),
  region: Nullable(Type.String()),
  registeredAt: TimestampSchema,
})

export const DEADLINE_STATES = ['ok', 'due_soon', 'overdue'] as const

export const CASE_KINDS = ['individual', 'joint'] as const

export const CaseSummarySchema = Type.Object({
  id: IdSchema,
  title: Type.String(),
  kind: Type.Enum(CASE_KINDS, { description: 'joint：联名诉求' }),
  ...CaseHeadlineSchema.properties,
  outcomeLabel: Nullable(Type.String({ description: '答复的办理结果；办结但未解决的诉求不会显示为已解决' })),
  dueAt: Nullable(TimestampSchema),
  deadlineState: Nullable(Type.Enum(DEADLINE_STATES, { description: 'ok 正常，due_soon 3个工作日内到期（黄），overdue 已超期（红）' })),
  updatedAt: TimestampSchema,
})

export const ListCasesQuerySchema = Type.Object(
  {
    mine: Type.Optional(Type.Enum(['1', '0', 'true', 'false'], { description: '只看我提交的（群众账号总是只看自己的）' })),
    status: Type.Optional(CaseStatusSchema),
    ...PageQuerySchema,
  },
  { additionalProperties: false },
)

export const CaseListSchema = Type.Object({
  items: Type.Array(CaseSummarySchema),
  nextCursor: Nullable(Type.String()),
})

export const CaseDetailSchema = Type.Object({
  ...CaseSummarySchema.properties,
  content: Type.String(),
  street: Nullable(Type.String()),
  address: Nullable(Type.String()),
  location: Nullable(LocationSchema),
  contactPhone: Nullable(Type.String({ description: '已脱敏' })),
  anonymous: Type.Boolean(),
  attachments: Type.Array(FileRefSchema),
  assignments: Type.Array(AssignmentSchema),
  deadlines: DeadlinesSchema,
  zoneClock: Nullable(ZoneClockSchema),
  reply: Nullable(Type.Object({ text: Type.String(), outcome: Type.String(), outcomeLabel: Type.String(), at: TimestampSchema })),
  rejection: Nullable(Type.Object({ reason: Type.String(), channel: Type.String(), at: TimestampSchema })),
  rating: Nullable(Type.Object({ satisfaction: Type.String(), label: Type.String(), comment: Nullable(Type.String()), at: TimestampSchema })),
  review: Nullable(Type.Object({ reason: Type.String(), at: TimestampSchema, stage: Type.Enum(['review', 'rereview'], { description: '复查或复核' }) })),
  infoRequest: Nullable(Type.Object({ question: Type.String(), at: TimestampSchema }, { description: '等待群众补充的材料' })),
  extension: Nullable(
    Type.Object({
      days: Type.Integer(),
      reason: Type.String(),
      status: Type.Enum(['pending', 'approved', 'denied']),
      requestedAt: TimestampSchema,
      decidedAt: Nullable(TimestampSchema),
      note: Nullable(Type.String()),
    }),
  ),
  resident: Nullable(
    Type.Object(
      { name: Nullable(Type.String()), phone: Nullable(Type.String()), verified: Type.Boolean() },
      { description: '工作人员可见，已脱敏；完整号码需点击查看并留痕。匿名诉求对办理单位为 null' },
    ),
  ),
  timeline: Type.Array(TimelineEntrySchema),
  allowedActions: Type.Array(Type.String(), { description: '当前登录者可执行的操作' }),
})

export const TrackParamsSchema = Type.Object(
  { trackingNo: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
)

export const TrackResultSchema = Type.Object({
  ...CaseHeadlineSchema.properties,
  deadlines: DeadlinesSchema,
  timeline: Type.Array(Type.Object({ at: TimestampSchema, action: Type.String(), label: Type.String(), by: Type.String(), toStatus: Nullable(CaseStatusSchema) })),
})

const NoteSchema = Type.Optional(Type.String({ maxLength: 500 }))
const OutcomeSchema = Type.Enum(keys(REPLY_OUTCOMES), { description: '办理结果：如实选择，问题未解决不能选“予以支持”' })
const AttachmentIdsSchema = Type.Optional(Type.Array(IdSchema, { maxItems: MAX_ATTACHMENTS, uniqueItems: true }))
const ReplyBodySchema = Type.Object({ text: TextSchema(10, 5000), outcome: OutcomeSchema, attachments: AttachmentIdsSchema }, { additionalProperties: false })
const strict = { additionalProperties: false } as const

/**
 * Who a case is handed to: a department or company at the city or a district, the petition
 * office of a lower level (a street, a community), or one grid member to check the facts.
 */
export const AssignTargetSchema = Type.Union([
  Type.Object({ kind: Type.Literal('unit'), unit: UnitCodeSchema, region: Type.String({ maxLength: 40, description: 'city 或区县代码' }) }, strict),
  Type.Object({ kind: Type.Literal('office'), region: PlaceCodeSchema }, strict),
  Type.Object({ kind: Type.Literal('grid'), staffId: IdSchema }, strict),
])
export type AssignTarget = Static<typeof AssignTargetSchema>

/** The body of each staff action; the route is POST /cases/:id/actions/<name>. */
export const ActionBodySchemas = {
  accept: Type.Object({ note: NoteSchema }, strict),
  reject: Type.Object({ reason: TextSchema(2, 500), channel: TextSchema(2, 200) }, strict),
  forward: Type.Object({ to: TextSchema(2, 100), reason: TextSchema(2, 500) }, strict),
  start_mediation: Type.Object({ note: NoteSchema }, strict),
  mediation_succeeded: Type.Object({ agreement: TextSchema(5, 2000) }, strict),
  mediation_failed: Type.Object({ reason: TextSchema(2, 500) }, strict),
  assign: Type.Object(
    { target: AssignTargetSchema, note: NoteSchema, replace: Type.Optional(Type.Boolean({ description: '改派：结束本单位（或原承办单位）的交办' })) },
    strict,
  ),
  object: Type.Object({ reason: TextSchema(5, 500), suggestedUnit: Type.Optional(UnitCodeSchema) }, strict),
  decide_objection: Type.Object(
    { upheld: Type.Boolean(), reason: TextSchema(2, 500), reassignTo: Type.Optional(AssignTargetSchema) },
    strict,
  ),
  request_info: Type.Object({ question: TextSchema(5, 500) }, strict),
  report_verification: Type.Object({ findings: TextSchema(5, 2000), attachments: AttachmentIdsSchema }, strict),
  request_extension: Type.Object({ days: Type.Integer({ minimum: 1, maximum: 30 }), reason: TextSchema(5, 500) }, strict),
  decide_extension: Type.Object({ approved: Type.Boolean(), note: TextSchema(2, 500) }, strict),
  reply: ReplyBodySchema,
  close: Type.Object({ note: NoteSchema }, strict),
  accept_review: Type.Object({ note: NoteSchema }, strict),
  decide_review: ReplyBodySchema,
  accept_rereview: Type.Object({ note: NoteSchema }, strict),
  decide_rereview: ReplyBodySchema,
  supervise: Type.Object({ note: TextSchema(2, 500) }, strict),
} as const
export type StaffActionName = keyof typeof ActionBodySchemas

export const ActionParamsSchema = Type.Object({ id: IdSchema, action: Type.String({ maxLength: 40 }) }, { additionalProperties: false })

export const RatingBodySchema = Type.Object(
  { satisfaction: Type.Enum(keys(SATISFACTION)), comment: Type.Optional(Type.String({ maxLength: RATING_COMMENT_MAX })) },
  { additionalProperties: false },
)
export const ReviewRequestBodySchema = Type.Object({ reason: TextSchema(REVIEW_REASON_MIN, REVIEW_REASON_MAX) }, { additionalProperties: false })
/** The resident answers a request for more information. */
export const InfoBodySchema = Type.Object({ text: TextSchema(INFO_TEXT_MIN, INFO_TEXT_MAX), attachments: AttachmentIdsSchema }, { additionalProperties: false })

export type CaseCreated = Static<typeof CaseCreatedSchema>
export type CaseDetail = Static<typeof CaseDetailSchema>
export type CaseSummary = Static<typeof CaseSummarySchema>
export type CaseList = Static<typeof CaseListSchema>
export type TimelineEntry = Static<typeof TimelineEntrySchema>
export type TrackResult = Static<typeof TrackResultSchema>
export type Assignment = Static<typeof AssignmentSchema>
export type Deadlines = Static<typeof DeadlinesSchema>
export type RatingBody = Static<typeof RatingBodySchema>
export type ReviewRequestBody = Static<typeof ReviewRequestBodySchema>
export type InfoBody = Static<typeof InfoBodySchema>
export type ActionBody<A extends StaffActionName> = Static<(typeof ActionBodySchemas)[A]>
