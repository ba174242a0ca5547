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
  TextSchema,
  TimestampSchema,
  ZoneCodeSchema,
} from './common'
import { FileRefSchema } from './files'
import { CONTENT_MAX, CONTENT_MIN, MAX_ATTACHMENTS } from '../limits'

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
    address: Type.Optional(Type.String({ maxLength: 200 })),
    location: Type.Optional(LocationSchema),
    contactPhone: Type.Optional(ContactPhoneSchema),
    attachments: Type.Optional(Type.Array(IdSchema, { maxItems: MAX_ATTACHMENTS, uniqueItems: true })),
    anonymous: Type.Optional(Type.Boolean({ description: '匿名：办理单位看不到姓名和电话' })),
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
})

export const DeadlinesSchema = Type.Object({
  acceptBy: Nullable(TimestampSchema),
  respondBy: Nullable(TimestampSchema),
  replyBy: Nullable(TimestampSchema),
  reviewRequestBy: Nullable(TimestampSchema),
  reviewBy: Nullable(TimestampSchema),
})

export const CaseCreatedSchema = Type.Object({
  id: IdSchema,
  trackingNo: Type.String(),
  status: CaseStatusSchema,
  assignments: Type.Array(AssignmentSchema),
  deadlines: DeadlinesSchema,
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

export const CaseSummarySchema = Type.Object({
  id: IdSchema,
  title: Type.String(),
  ...CaseHeadlineSchema.properties,
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
  kind: Type.String(),
  content: Type.String(),
  street: Nullable(Type.String()),
  address: Nullable(Type.String()),
  location: Nullable(LocationSchema),
  contactPhone: Nullable(Type.String({ description: '已脱敏' })),
  anonymous: Type.Boolean(),
  attachments: Type.Array(FileRefSchema),
  assignments: Type.Array(AssignmentSchema),
  deadlines: DeadlinesSchema,
  reply: Nullable(Type.Object({ text: Type.String(), outcome: Type.String(), outcomeLabel: Type.String(), at: TimestampSchema })),
  rejection: Nullable(Type.Object({ reason: Type.String(), channel: Type.String(), at: TimestampSchema })),
  rating: Nullable(Type.Object({ satisfaction: Type.String(), label: Type.String(), comment: Nullable(Type.String()), at: TimestampSchema })),
  review: Nullable(Type.Object({ reason: Type.String(), at: TimestampSchema })),
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

export const ActionBodySchemas = {
  accept: Type.Object({ note: NoteSchema }, { additionalProperties: false }),
  reject: Type.Object(
    { reason: TextSchema(2, 500), channel: TextSchema(2, 200) },
    { additionalProperties: false },
  ),
  reply: Type.Object(
    { text: TextSchema(10, 5000), outcome: Type.Enum(keys(REPLY_OUTCOMES)), attachments: Type.Optional(Type.Array(IdSchema, { maxItems: MAX_ATTACHMENTS, uniqueItems: true })) },
    { additionalProperties: false },
  ),
  close: Type.Object({ note: NoteSchema }, { additionalProperties: false }),
} as const
export type StaffActionName = keyof typeof ActionBodySchemas

export const ActionParamsSchema = Type.Object({ id: IdSchema, action: Type.String({ maxLength: 40 }) }, { additionalProperties: false })

export const RatingBodySchema = Type.Object(
  { satisfaction: Type.Enum(keys(SATISFACTION)), comment: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
)
export const ReviewRequestBodySchema = Type.Object({ reason: TextSchema(5, 1000) }, { additionalProperties: false })

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
export type ActionBody<A extends StaffActionName> = Static<(typeof ActionBodySchemas)[A]>
