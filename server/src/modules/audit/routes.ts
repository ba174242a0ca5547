import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponseSchema } from '@xinfang/shared/contracts/common'
import { AuditListSchema, AuditQuerySchema, type AuditList } from '@xinfang/shared/contracts/workbench'
import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import { AppError } from '../../lib/app-error'
import type { StaffActor } from '../../plugins/auth'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema }

function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return null
  const id = Number(cursor)
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('VALIDATION_FAILED', '「翻页位置」无效，请刷新列表')
  return id
}

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
      const rows = fastify.audit.list({ region: actor.region, staffId: request.query.staffId, caseId: request.query.caseId, beforeId: decodeCursor(request.query.cursor), limit: limit + 1 })
      const items = rows.slice(0, limit).map(({ entry, username, name, trackingNo }) => ({
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
      return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null }
    },
  )
}
