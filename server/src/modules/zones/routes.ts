import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ErrorResponseSchema, ZoneCodeSchema } from '@xinfang/shared/contracts/common'
import { HeatStationListSchema, HousingProjectListSchema, PlaceFilterQuerySchema, ProjectPageSchema, ZoneListSchema, ZoneStatsQuerySchema, ZoneStatsSchema } from '@xinfang/shared/contracts/zones'
import type { StaffActor } from '../../plugins/auth'
import type { CaseContext } from '../cases/case-context'
import { projectPage, zoneStats } from './zone-stats'
import { projectView, stationView, zoneList } from './zone-views'

const tags = ['zones']
const errors = { 400: ErrorResponseSchema, 404: ErrorResponseSchema, 429: ErrorResponseSchema }
const staffErrors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema }

/**
 * The zones' public pages (their rules, the housing projects and heat stations their forms pick
 * from, a project's cases counted) and their statistics for staff.
 */
export function zoneRoutes(ctx: CaseContext): FastifyPluginAsyncTypebox {
  const { zones } = ctx
  return async (fastify) => {
    const publicLimit = { rateLimit: fastify.rateLimits.public }
    const rules = zoneList()
    fastify.get(
      '/',
      { schema: { tags, summary: '民生专区：四个专区的表单字段、答复时限和牵头单位（公开）', response: { 200: ZoneListSchema } } },
      async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send(rules),
    )
    fastify.get(
      '/housing/projects',
      { schema: { tags, summary: '住建部门登记的楼盘（公开）：名称、开发商、地址', querystring: PlaceFilterQuerySchema, response: { 200: HousingProjectListSchema, ...errors } }, config: publicLimit },
      async (request) => ({ items: (await zones.listProjects(request.query)).map(projectView) }),
    )
    fastify.get(
      '/housing/projects/:id',
      {
        schema: { tags, summary: '楼盘页（公开）：楼盘信息和这个楼盘的专区诉求按状态计数，不含任何个人信息', params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }), response: { 200: ProjectPageSchema, ...errors } },
        config: publicLimit,
      },
      async (request) => projectPage(zones, request.params.id),
    )
    fastify.get(
      '/:zone/stats',
      {
        schema: {
          tags,
          security: [{ bearer: [] }],
          summary: '专区统计（工作人员，限本人可见的诉求）：按楼盘/欠薪单位/换热站/事项计数、各时限按时率、高频事项',
          params: Type.Object({ zone: ZoneCodeSchema }, { additionalProperties: false }),
          querystring: ZoneStatsQuerySchema,
          response: { 200: ZoneStatsSchema, ...staffErrors },
        },
        preHandler: fastify.requireStaff,
      },
      async (request) => zoneStats(ctx, request.actor as StaffActor, request.params.zone, request.query),
    )
    fastify.get(
      '/heating/stations',
      { schema: { tags, summary: '热力公司的换热站（公开）', querystring: PlaceFilterQuerySchema, response: { 200: HeatStationListSchema, ...errors } }, config: publicLimit },
      async (request) => ({ items: (await zones.listStations(request.query)).map(stationView) }),
    )
  }
}
