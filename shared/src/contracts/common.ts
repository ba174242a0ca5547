import { Type, type Static, type TSchema, type TUnsafe } from 'typebox'
import { REGION_CODES, UNIT_CODES, ZONE_CODES } from '../catalog'
import { CATEGORY_CODES } from '../categories'
import { CASE_STATUSES } from '../case-status'

/** Atoms reused by every domain's request and response schemas. */

export const IdSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: '资源编号' })
export const TimestampSchema = Type.String({ format: 'date-time', description: 'ISO 8601, UTC' })
export const UnitCodeSchema = Type.Enum(UNIT_CODES, { description: '责任单位代码（见目录契约）' })
export const RegionCodeSchema = Type.Enum(REGION_CODES, { description: '区县代码' })
export const ZoneCodeSchema = Type.Enum(ZONE_CODES, { description: '民生专区代码' })
export const CategoryCodeSchema = Type.Enum(CATEGORY_CODES, { description: '问题类别代码' })
export const CaseStatusSchema = Type.Enum(CASE_STATUSES)
/** city, a district, or a dotted street / community / grid code such as jinshui.huayuanlu */
export const PlaceCodeSchema = Type.String({ pattern: '^[a-z][a-z0-9]*(\\.[a-z0-9]+){0,3}$', maxLength: 80 })
/** A mainland mobile number or a landline with area code. */
export const ContactPhoneSchema = Type.String({ pattern: '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$' })
/** Free text that must say something: at least one non-blank character. */
export const TextSchema = (minLength: number, maxLength: number) =>
  Type.String({ minLength, maxLength, pattern: '\\S' })

export const ErrorResponseSchema = Type.Object({
  code: Type.String({ description: '稳定的错误代码，客户端据此分支' }),
  message: Type.String({ description: '给群众看的中文说明' }),
  details: Type.Optional(Type.Array(Type.Object({ field: Type.String(), reason: Type.String() }))),
})
export type ErrorResponse = Static<typeof ErrorResponseSchema>

export const IdParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false })

export const PageQuerySchema = {
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
}

/**
 * `T` or null, written as `type: [..., 'null']` (or `enum` with null) where the schema allows:
 * the same JSON Schema meaning as `anyOf`, but the API's serializer handles it without running a
 * validator per value, which made every nullable field of a case detail cost a schema check.
 */
export const Nullable = <T extends TSchema>(schema: T): TUnsafe<Static<T> | null> => {
  const raw = schema as unknown as { type?: unknown; enum?: unknown[] }
  if (typeof raw.type === 'string' && raw.type !== 'object' && raw.type !== 'array') return Type.Unsafe<Static<T> | null>({ ...schema, type: [raw.type, 'null'] })
  if (Array.isArray(raw.enum) && raw.type === undefined) return Type.Unsafe<Static<T> | null>({ ...schema, enum: [...raw.enum, null] })
  return Type.Unsafe<Static<T> | null>(Type.Union([schema, Type.Null()]))
}
