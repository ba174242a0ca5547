import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { unitName } from '@xinfang/shared/catalog'
import { AssistDraftSchema, AssistUnitsSchema, IntakeBodySchema, IntakeSuggestionSchema, type IntakeSuggestion } from '@xinfang/shared/contracts/assist'
import { ErrorResponseSchema, IdParamsSchema } from '@xinfang/shared/contracts/common'
import type { TSchema } from 'typebox'
import type { Actor } from '../../plugins/auth'
import type { CaseContext } from '../cases/case-context'
import { loadVisible } from '../cases/case-facts'
import { caseBrief } from './case-brief'
import type { DraftWriter } from './draft-writer'
import { localReplyDraft, localSummary, replyPrompt, summaryPrompt } from './draft-templates'
import type { Recommendation } from './recommendation'
import type { Reranker } from './reranker'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 429: ErrorResponseSchema }
const secured = { tags: ['assist'], security: [{ bearer: [] }] }

export const suggestionOf = (r: Recommendation): IntakeSuggestion => ({
  category: r.category,
  unit: r.units[0]?.code ?? null,
  zone: r.zone,
  region: r.region,
  street: r.street,
  units: r.units.map((u) => ({ code: u.code, name: unitName(u.code), score: u.score })),
  confidence: r.confidence,
  confident: r.confident,
  reasons: r.reasons,
  facts: r.facts,
})

/** /assist: suggestions while a resident types; drafts, summaries and a ranking second opinion for staff working a case. */
export function assistRoutes(ctx: CaseContext, write: DraftWriter, rerank: Reranker): FastifyPluginAsyncTypebox {
  return async (fastify) => {
    fastify.post(
      '/intake',
      {
        schema: { ...secured, summary: '根据诉求内容推荐类别、责任单位和属地（可修改）', body: IntakeBodySchema, response: { 200: IntakeSuggestionSchema, ...errors } },
        preHandler: fastify.requireUser,
        // the form asks as the resident types (debounced): per user, so a whole estate behind one address is not refused
        config: { rateLimit: fastify.rateLimits.perUser },
      },
      async (request) => suggestionOf(fastify.assistant.recommend(request.body.content)),
    )

    // the same visibility as the case itself: someone else's case is CASE_NOT_FOUND, not a draft
    const briefOf = async (actor: Actor, id: string) => {
      const loaded = await loadVisible(ctx, actor, id)
      return caseBrief(loaded, fastify.assistant.recommend(loaded.row.content).facts)
    }

    // staff asking about one case they can see, at most as often as one person types
    const aboutCase = <R extends TSchema>(summary: string, answer: R) => ({
      schema: { ...secured, summary, params: IdParamsSchema, response: { 200: answer, ...errors } },
      preHandler: fastify.requireStaff,
      config: { rateLimit: fastify.rateLimits.perUser },
    })

    fastify.post(
      '/cases/:id/draft-reply',
      aboutCase('答复意见书草稿（智能助手或模板）', AssistDraftSchema),
      async (request) => {
        const brief = await briefOf(request.actor, request.params.id)
        return write(replyPrompt(brief), () => localReplyDraft(brief, ctx.clock.now()))
      },
    )

    fastify.post(
      '/cases/:id/summary',
      aboutCase('案情摘要（智能助手或模板）', AssistDraftSchema),
      async (request) => {
        const brief = await briefOf(request.actor, request.params.id)
        return write(summaryPrompt(brief), () => localSummary(brief))
      },
    )

    fastify.post(
      '/cases/:id/units',
      aboutCase('分办参考：责任单位排序（本地模型，可请大模型复核）', AssistUnitsSchema),
      async (request) => {
        const { row } = await loadVisible(ctx, request.actor, request.params.id)
        return rerank(row.content, fastify.assistant.recommend(row.content))
      },
    )
  }
}
