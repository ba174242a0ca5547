import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponseSchema } from '@xinfang/shared/contracts/common'
import { HeatStationListSchema, HousingProjectListSchema, PlaceFilterQuerySchema, ZoneListSchema } from '@xinfang/shared/contracts/zones'
import type { ZoneRepository } from './zone-repository'
import { projectView, stationView, zoneList } from './zone-views'

const tags = ['zones']
const errors = { 400: ErrorResponseSchema, 429: ErrorResponseSchema }

/** The zones' public pages: their rules, and the housing projects and heat stations their forms pick from. */
export function zoneRoutes(zones: ZoneRepository): FastifyPluginAsyncTypebox {
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
      '/heating/stations',
      { schema: { tags, summary: '热力公司的换热站（公开）', querystring: PlaceFilterQuerySchema, response: { 200: HeatStationListSchema, ...errors } }, config: publicLimit },
      async (request) => ({ items: (await zones.listStations(request.query)).map(stationView) }),
    )
  }
}
