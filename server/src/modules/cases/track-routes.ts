import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { TrackParamsSchema, TrackResultSchema } from '@xinfang/shared/contracts/cases'
import { ErrorResponseSchema } from '@xinfang/shared/contracts/common'
import type { CaseContext } from './case-context'
import { trackCase } from './case-queries'

/** Public progress by tracking number: no login, no personal data, rate limited. */
export function trackRoutes(ctx: CaseContext): FastifyPluginAsyncTypebox {
  return async (fastify) => {
    fastify.get(
      '/:trackingNo',
      {
        schema: { tags: ['cases'], summary: '凭查询码查进度（无需登录）', params: TrackParamsSchema, response: { 200: TrackResultSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema, 429: ErrorResponseSchema } },
        config: { rateLimit: fastify.rateLimits.public },
      },
      async (request) => trackCase(ctx, request.params.trackingNo),
    )
  }
}
