import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'

/** OpenAPI built from the route schemas, browsable at /docs. */
export default fp(
  async (fastify) => {
    await fastify.register(swagger, {
      openapi: {
        info: { title: '智慧信访 API', version: '1.0.0', description: '群众诉求受理、派发、办理、评价' },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      },
    })
    await fastify.register(swaggerUi, { routePrefix: '/docs' })
  },
  { name: 'docs' },
)
