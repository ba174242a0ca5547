import { Type, type Static } from 'typebox'
import { CaseSummarySchema } from './cases'
import { IdSchema, Nullable, PageQuerySchema, TimestampSchema } from './common'
import { QUEUE_BUCKETS, REVEAL_FIELDS, type QueueBucket, type RevealField } from '../workbench'
import { SEARCH_QUERY_MAX } from '../limits'

/** The staff workbench: queues, search, today's figures, full PII on an audited tap. */

export { QUEUE_BUCKETS, REVEAL_FIELDS, type QueueBucket, type RevealField }
const bucketCodes = Object.keys(QUEUE_BUCKETS) as QueueBucket[]

export const QueueQuerySchema = Type.Object(
  { bucket: Type.Enum(bucketCodes), ...PageQuerySchema },
  { additionalProperties: false },
)

export const WorkItemSchema = Type.Object({
  ...CaseSummarySchema.properties,
  holders: Type.Array(Type.String(), { description: '承办单位名称' }),
})

export const WorkListSchema = Type.Object({
  items: Type.Array(WorkItemSchema),
  nextCursor: Nullable(Type.String()),
})

export const SearchQuerySchema = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: SEARCH_QUERY_MAX, pattern: '\\S', description: '查询码、手机号或关键词' }), ...PageQuerySchema },
  { additionalProperties: false },
)

export const SearchResultSchema = Type.Object({
  ...WorkListSchema.properties,
  matchedBy: Type.Enum(['tracking_no', 'phone', 'keyword']),
})

export const SummarySchema = Type.Object({
  jurisdiction: Type.Object({ region: Type.String(), regionName: Type.String(), unit: Type.String(), unitName: Type.String(), orgName: Type.String() }),
  counts: Type.Object({ to_accept: Type.Integer(), to_handle: Type.Integer(), due_soon: Type.Integer(), overdue: Type.Integer(), zones: Type.Integer() }),
  today: Type.Object({
    date: Type.String({ description: 'YYYY-MM-DD，北京时间' }),
    newCases: Type.Integer(),
    closed: Type.Integer(),
    overdue: Type.Integer(),
    rated: Type.Integer({ description: '近30天评价数' }),
    satisfied: Type.Integer({ description: '其中满意和基本满意' }),
    satisfactionRate: Nullable(Type.Number({ description: '0–1；无评价时为 null' })),
  }),
})

export const AssigneesQuerySchema = Type.Object({ caseId: IdSchema }, { additionalProperties: false })
export const AssigneesSchema = Type.Object({
  units: Type.Array(Type.Object({ unit: Type.String(), region: Type.String(), name: Type.String() })),
  offices: Type.Array(Type.Object({ region: Type.String(), name: Type.String() })),
  gridMembers: Type.Array(Type.Object({ id: IdSchema, name: Type.String(), region: Type.String(), regionName: Type.String() })),
})


export const RevealBodySchema = Type.Object(
  { field: Type.Enum(Object.keys(REVEAL_FIELDS) as RevealField[]), reason: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
)
export const RevealResultSchema = Type.Object({ field: Type.String(), value: Nullable(Type.String()), auditId: Type.Integer() })

export const AuditQuerySchema = Type.Object(
  { staffId: Type.Optional(IdSchema), caseId: Type.Optional(IdSchema), ...PageQuerySchema },
  { additionalProperties: false },
)
export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: TimestampSchema,
  staff: Type.Object({ id: IdSchema, username: Type.String(), name: Type.String() }),
  action: Type.String({ description: 'reveal_pii 等' }),
  caseId: Nullable(Type.String()),
  trackingNo: Nullable(Type.String()),
  field: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  ip: Nullable(Type.String()),
})
export const AuditListSchema = Type.Object({ items: Type.Array(AuditEntrySchema), nextCursor: Nullable(Type.String()) })

export type WorkItem = Static<typeof WorkItemSchema>
export type WorkList = Static<typeof WorkListSchema>
export type SearchResult = Static<typeof SearchResultSchema>
export type WorkbenchSummary = Static<typeof SummarySchema>
export type Assignees = Static<typeof AssigneesSchema>
export type RevealBody = Static<typeof RevealBodySchema>
export type RevealResult = Static<typeof RevealResultSchema>
export type AuditEntry = Static<typeof AuditEntrySchema>
export type AuditList = Static<typeof AuditListSchema>
