import { Type, type Static } from 'typebox'
import { ZONE_ASK_CODES, ZONE_FIELD_KINDS, ZONE_TRIAGES, type ZoneTriage } from '../zone-rules'
import { Nullable, PlaceCodeSchema, RegionCodeSchema, TimestampSchema, UnitCodeSchema, ZoneCodeSchema } from './common'

/** The livelihood zones (民生专区): their rules as the app renders them, and what their forms pick from. */

const triageCodes = Object.keys(ZONE_TRIAGES) as ZoneTriage[]

export const ZoneAskSchema = Type.Enum(ZONE_ASK_CODES, { description: '群众要办的事：consult 咨询、policy 政策、progress 进度（1小时内答复）；problem 需要办理（3个工作日内答复）' })
export const ZoneTriageSchema = Type.Enum(triageCodes)

/** A zone form as sent: each field's value by its key (see `GET /zones` for the fields). */
export const ZoneFormInputSchema = Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{0,31}$' }), Type.Union([Type.String({ maxLength: 200 }), Type.Number()]), {
  maxProperties: 16,
  description: '专区表单：字段见 GET /zones；逐项校验在服务端按专区规则进行，错误信息写明字段',
})

const ZoneFieldSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  kind: Type.Enum(ZONE_FIELD_KINDS),
  required: Type.Boolean(),
  hint: Type.Optional(Type.String()),
  options: Type.Optional(Type.Array(Type.Object({ code: Type.String(), label: Type.String(), category: Type.Optional(Type.String()) }))),
  maxLength: Type.Optional(Type.Integer()),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  pattern: Type.Optional(Type.Object({ source: Type.String(), message: Type.String() })),
  notFuture: Type.Optional(Type.Boolean()),
  notBefore: Type.Optional(Type.String()),
})

export const ZoneSchema = Type.Object({
  code: ZoneCodeSchema,
  name: Type.String(),
  intro: Type.String(),
  lead: UnitCodeSchema,
  leadName: Type.String(),
  second: Type.Literal('region_office', { description: '一案双交：牵头单位和所在区县信访部门同时负责' }),
  category: Type.String(),
  requires: Type.Array(Type.Enum(['address', 'region'])),
  jointFrom: Nullable(Type.Integer({ description: '被拖欠的工友达到这个人数时，建议发起联名诉求' })),
  fields: Type.Array(ZoneFieldSchema),
})

export const ZoneListSchema = Type.Object({
  zones: Type.Array(ZoneSchema),
  asks: Type.Array(Type.Object({ code: ZoneAskSchema, label: Type.String(), triage: ZoneTriageSchema })),
  clocks: Type.Array(Type.Object({ triage: ZoneTriageSchema, label: Type.String(), promise: Type.String() })),
})
export type ZoneList = Static<typeof ZoneListSchema>

export const HousingProjectSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  developer: Type.String(),
  address: Type.String(),
  region: RegionCodeSchema,
  street: Nullable(PlaceCodeSchema),
  promisedDelivery: Nullable(Type.String({ description: '合同约定交付日期 YYYY-MM-DD' })),
})
export type HousingProject = Static<typeof HousingProjectSchema>

export const HeatStationSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  address: Type.String(),
  region: RegionCodeSchema,
  street: Nullable(PlaceCodeSchema),
})
export type HeatStation = Static<typeof HeatStationSchema>

export const PlaceFilterQuerySchema = Type.Object(
  { region: Type.Optional(RegionCodeSchema), q: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: '名称或地址中的字' })) },
  { additionalProperties: false },
)

export const HousingProjectListSchema = Type.Object({ items: Type.Array(HousingProjectSchema) })
export const HeatStationListSchema = Type.Object({ items: Type.Array(HeatStationSchema) })

/** A zone case's answer clock as its page shows it: 应答复时间. */
export const ZoneClockSchema = Type.Object({
  triage: ZoneTriageSchema,
  label: Type.String({ description: '简单诉求 / 复杂诉求' }),
  promise: Type.String({ description: '1小时内答复 / 3个工作日内答复' }),
  answerBy: TimestampSchema,
})
export type ZoneClock = Static<typeof ZoneClockSchema>

export const HEATING_ORDER_STATUSES = ['accepted', 'on_site', 'fixed', 'cannot_fix'] as const
export type HeatingOrderStatus = (typeof HEATING_ORDER_STATUSES)[number]

/** A work-order update from the heating company, as its webhook sends it (docs/integrations.md). */
export const HeatingWebhookBodySchema = Type.Object(
  {
    eventId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$', description: '热力公司的事件编号，重发时不变' }),
    orderNo: Type.String({ minLength: 1, maxLength: 64 }),
    externalId: Type.String({ minLength: 8, maxLength: 64, description: '推送工单时给的案件编号' }),
    status: Type.Enum(HEATING_ORDER_STATUSES, { description: 'accepted 已接单，on_site 已上门，fixed 已修好，cannot_fix 暂时修不了' }),
    at: TimestampSchema,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    technician: Type.Optional(Type.Object({ name: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false })),
  },
  { additionalProperties: true },
)
export type HeatingWebhookBody = Static<typeof HeatingWebhookBodySchema>

export const WebhookAnswerSchema = Type.Object({ code: Type.String(), message: Type.String(), duplicate: Type.Boolean() })

export const ZoneStatsQuerySchema = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date', description: '登记日期起（含），默认30天前' })),
    to: Type.Optional(Type.String({ format: 'date', description: '登记日期止（含），默认今天' })),
  },
  { additionalProperties: false },
)

const Counted = Type.Object({ key: Type.String(), name: Type.String(), count: Type.Integer() })
const StatusCounts = Type.Array(Type.Object({ status: Type.String(), label: Type.String(), count: Type.Integer() }))

/** A zone's figures for its owner, over the cases the person may see; never anyone's personal data. */
export const ZoneStatsSchema = Type.Object({
  zone: ZoneCodeSchema,
  from: Type.String(),
  to: Type.String(),
  total: Type.Integer(),
  byStatus: StatusCounts,
  /** by project, employer, heat station or matter (the zone's rule says which), most cases first, at most 10 */
  groups: Type.Object({ by: Type.String(), label: Type.String(), items: Type.Array(Counted), unnamed: Type.Integer({ description: '没有填写这一项的诉求' }) }),
  clocks: Type.Array(
    Type.Object({
      triage: ZoneTriageSchema,
      label: Type.String(),
      onTime: Type.Integer({ description: '按时答复' }),
      late: Type.Integer({ description: '超时答复或已超时未答复' }),
      pending: Type.Integer({ description: '未到期' }),
      rate: Nullable(Type.Number({ description: '按时率：按时 / (按时 + 超时)' })),
    }),
  ),
  topMatters: Type.Array(Counted),
})
export type ZoneStats = Static<typeof ZoneStatsSchema>

export const ProjectPageSchema = Type.Object({
  project: HousingProjectSchema,
  /** the zone cases on this project, counted by status: how many, never whose */
  cases: Type.Object({ total: Type.Integer(), byStatus: StatusCounts }),
})
export type ProjectPage = Static<typeof ProjectPageSchema>
