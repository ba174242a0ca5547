import { Type, type Static } from 'typebox'
import { CreateCaseBodySchema } from './cases'
import { IdSchema, Nullable, TimestampSchema } from './common'

/** Joint complaints (联名): a representative's case that neighbours co-sign by scanning a QR code. */

/** What a QR code carries: `<token id>.<signature>`, short enough for a WeChat scene (32 characters). */
export const CosignTokenSchema = Type.String({ minLength: 10, maxLength: 32, pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$', description: '联名码' })
export const CosignParamsSchema = Type.Object({ token: CosignTokenSchema }, { additionalProperties: false })

const { anonymous: _anonymous, ...caseFields } = CreateCaseBodySchema.properties
/** A joint complaint is never anonymous: the representative answers for it. */
export const CreateCosignBodySchema = Type.Object(caseFields, { additionalProperties: false })

export const CosignCreatedSchema = Type.Object({
  id: IdSchema,
  caseId: IdSchema,
  trackingNo: Type.String(),
  token: Type.String(),
  qr: Type.Object({
    weapp: Type.String({ description: '微信小程序码图片地址（wxacode.getUnlimited）' }),
    alipay: Type.String({ description: '支付宝小程序二维码地址（alipay.open.app.qrcode.create）' }),
    h5: Type.String({ description: 'H5 页面二维码图片地址' }),
  }),
  h5Url: Type.String({ description: '扫码打开的 H5 页面' }),
})

/** The public page a scan opens: the complaint, never the representative. */
export const CosignPublicSchema = Type.Object({
  title: Type.String(),
  content: Type.String(),
  category: Nullable(Type.String()),
  region: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  caseStatus: Type.String(),
  caseStatusLabel: Type.String(),
  count: Type.Integer(),
  open: Type.Boolean(),
  closedReason: Nullable(Type.String({ description: '不能联名时的原因，给群众看' })),
  createdAt: TimestampSchema,
  mine: Nullable(Type.Object({ signed: Type.Boolean(), representative: Type.Boolean() }, { description: '带登录令牌访问时：我是否已联名、是否发起人' })),
})

export const SignResultSchema = Type.Object({ count: Type.Integer(), signedAt: Nullable(TimestampSchema) })

export const WARNING_KINDS = {
  threshold: '联名人数达到预警线',
  burst: '短时间内联名激增',
  ip_surge: '同一网络地址联名异常集中',
} as const
export type WarningKind = keyof typeof WARNING_KINDS

export const WarningSchema = Type.Object({
  id: Type.Integer(),
  caseId: IdSchema,
  trackingNo: Type.String(),
  title: Type.String(),
  kind: Type.Enum(Object.keys(WARNING_KINDS) as WarningKind[]),
  label: Type.String(),
  threshold: Type.Integer(),
  count: Type.Integer({ description: '预警时的联名人数' }),
  currentCount: Type.Integer(),
  toRegion: Type.String(),
  toName: Type.String({ description: '预警到的信访部门' }),
  holders: Type.Array(Type.String(), { description: '责任单位' }),
  at: TimestampSchema,
  growth: Type.Array(Type.Object({ at: TimestampSchema, count: Type.Integer() }), { description: '联名人数增长曲线（累计）' }),
  ipSurge: Nullable(Type.Object({ addresses: Type.Integer(), largestShare: Type.Number(), signatures: Type.Integer() }, { description: '同一地址集中联名的情况，供人工研判' })),
})
export const WarningListSchema = Type.Object({ items: Type.Array(WarningSchema), nextCursor: Nullable(Type.String()) })

export type CreateCosignBody = Static<typeof CreateCosignBodySchema>
export type CosignCreated = Static<typeof CosignCreatedSchema>
export type CosignPublic = Static<typeof CosignPublicSchema>
export type SignResult = Static<typeof SignResultSchema>
export type Warning = Static<typeof WarningSchema>
export type WarningList = Static<typeof WarningListSchema>
