import { Type, type Static } from 'typebox'
import { IdSchema, TimestampSchema } from './common'

export const FILE_KINDS = ['image', 'audio'] as const
export type FileKind = (typeof FILE_KINDS)[number]

export const FileRefSchema = Type.Object({
  id: IdSchema,
  kind: Type.Enum(FILE_KINDS),
  mime: Type.String(),
  size: Type.Integer(),
  url: Type.String({ description: '带登录令牌访问' }),
  createdAt: TimestampSchema,
})
export type FileRef = Static<typeof FileRefSchema>
