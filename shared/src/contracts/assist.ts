import { Type, type Static } from 'typebox'
import { CONTENT_MAX } from '../limits'
import { CategoryCodeSchema, Nullable, PlaceCodeSchema, RegionCodeSchema, UnitCodeSchema, ZoneCodeSchema } from './common'

/** The assistant: suggestions while a resident types, drafts and summaries for staff. */

/** Suggestions start from the first character typed: the form asks while the resident writes. */
export const IntakeBodySchema = Type.Object({ content: Type.String({ minLength: 1, maxLength: CONTENT_MAX }) }, { additionalProperties: false })
export type IntakeBody = Static<typeof IntakeBodySchema>

export const ExtractedFactsSchema = Type.Object({
  amounts: Type.Array(Type.Object({ text: Type.String(), yuan: Type.Number() }), { description: '提到的金额（元）' }),
  dates: Type.Array(Type.String(), { description: '提到的日期和时间，照原文' }),
  buildings: Type.Array(Type.String(), { description: '楼栋、单元、房号' }),
  companies: Type.Array(Type.String(), { description: '提到的公司、店铺、机构名称' }),
})

export const RankedUnitSchema = Type.Object({ code: UnitCodeSchema, name: Type.String(), score: Type.Number({ minimum: 0, maximum: 1, description: '本地模型的把握' }) })

/** What pre-fills the submit form; every field is a suggestion the resident may change. */
export const IntakeSuggestionSchema = Type.Object({
  category: Nullable(CategoryCodeSchema),
  unit: Nullable(UnitCodeSchema),
  zone: Nullable(ZoneCodeSchema),
  region: Nullable(RegionCodeSchema),
  street: Nullable(PlaceCodeSchema),
  units: Type.Array(RankedUnitSchema, { description: '可能的责任单位，最可能的在前' }),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  confident: Type.Boolean({ description: '有把握时提交后直接派发，没把握时转信访部门人工分办' }),
  reasons: Type.Array(Type.String(), { description: '给群众看的理由' }),
  facts: ExtractedFactsSchema,
})
export type IntakeSuggestion = Static<typeof IntakeSuggestionSchema>

export const DRAFT_SOURCES = { llm: '智能助手生成', local: '按模板生成' } as const
export const RANKING_SOURCES = { llm: '大模型复核', local: '本地模型' } as const

/** A draft for staff to edit, never sent as is: who wrote it is said, so a template is not taken for a reply. */
export const AssistDraftSchema = Type.Object({
  text: Type.String(),
  source: Type.Enum(Object.keys(DRAFT_SOURCES) as (keyof typeof DRAFT_SOURCES)[]),
  sourceLabel: Type.String(),
  model: Nullable(Type.String()),
})
export type AssistDraft = Static<typeof AssistDraftSchema>

/** For triage: the local ranking, or the outside model's pick among its top three put first. */
export const AssistUnitsSchema = Type.Object({
  units: Type.Array(RankedUnitSchema),
  source: Type.Enum(Object.keys(RANKING_SOURCES) as (keyof typeof RANKING_SOURCES)[]),
  sourceLabel: Type.String(),
  model: Nullable(Type.String()),
  reasons: Type.Array(Type.String()),
})
export type AssistUnits = Static<typeof AssistUnitsSchema>
