import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { REGIONS, UNITS, ZONES } from '@xinfang/shared/catalog'
import { CATEGORIES } from '@xinfang/shared/categories'
import { PLACES } from '@xinfang/shared/places'

const Coded = Type.Object({ code: Type.String(), name: Type.String() }, { additionalProperties: true })

/**
 * The catalog contract for clients that did not bundle it (the city app's own pages, third
 * parties). The mini-programs import the same data from @xinfang/shared at build time.
 */
const catalogRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const body = { units: [...UNITS], regions: [...REGIONS], zones: [...ZONES], categories: [...CATEGORIES], places: [...PLACES] }
  fastify.get(
    '/',
    {
      schema: {
        tags: ['catalog'],
        summary: '责任单位、区县街道、民生专区、问题类别',
        response: { 200: Type.Object({ units: Type.Array(Coded), regions: Type.Array(Coded), zones: Type.Array(Coded), categories: Type.Array(Coded), places: Type.Array(Coded) }) },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send(body),
  )
}

export default catalogRoutes
