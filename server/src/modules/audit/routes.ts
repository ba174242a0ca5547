import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponseSchema } from '@xinfang/shared/contracts/common'
import { AuditListSchema, AuditQuerySchema, type AuditList } from '@xinfang/shared/contracts/workbench'
import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import { AppError } from '../../lib/app-error'
import { decodeIdCursor, idPage } from '../../lib/id-pages'
import type { StaffActor } from '../../plugins/auth'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema }

/** GET /audit: who viewed whose personal data, newest first, for admins in their jurisdiction. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/',
    {
      schema: { tags: ['audit'], summary: '查看个人信息的留痕记录（管理员）', security: [{ bearer: [] }], querystring: AuditQuerySchema, response: { 200: AuditListSchema, ...errors } },
      preHandler: fastify.requireStaff,
    },
    async (request): Promise<AuditList> => {
      const actor = request.actor as StaffActor
      if (actor.role !== 'admin') throw new AppError('FORBIDDEN')
      const limit = request.query.pageSize ?? 20
      const rows = await fastify.audit.list({ region: actor.region, staffId: request.query.staffId, caseId: request.query.caseId, beforeId: decodeIdCursor(request.query.cursor), limit: limit + 1 })
      return idPage(rows, limit, ({ entry, username, name, trackingNo }) => ({
        id: entry.id,
        at: entry.at.toISOString(),
        staff: { id: entry.staffId, username, name },
        action: entry.action,
        caseId: entry.caseId,
        trackingNo: trackingNo ? formatTrackingNo(trackingNo) : null,
        field: entry.field,
        reason: entry.reason,
        ip: entry.ip,
      }))
    },
  )
}
