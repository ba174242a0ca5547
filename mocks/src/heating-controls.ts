import type { FastifyPluginAsync } from 'fastify'
import { HEATING_STATUSES, type HeatingCompany, type HeatingStatus } from './heating-company'

/**
 * `/__mocks/heating`: the heating company's dispatcher, for tests and demos. No real platform has
 * these; the real company's staff move orders on in their own system.
 */
export function heatingControls(company: HeatingCompany): FastifyPluginAsync {
  return async (app) => {
    // where the company calls back, as its console registers it
    app.put<{ Body: { url: string; autoAccept?: boolean } }>(
      '/webhook',
      { schema: { body: { type: 'object', required: ['url'], additionalProperties: false, properties: { url: { type: 'string', pattern: '^https?://' }, autoAccept: { type: 'boolean' } } } } },
      async (request, reply) => {
        company.options.webhookUrl = request.body.url
        company.autoAccept = request.body.autoAccept ?? company.autoAccept
        return reply.code(204).send()
      },
    )

    app.get('/orders', async () => ({ orders: [...company.orders.values()].map(({ orderNo, externalId, receivedAt, events, body }) => ({ orderNo, externalId, receivedAt, events, body })) }))

    // the order moves on: the company's webhook tells the platform, and the platform's answer comes back here
    app.post<{ Params: { orderNo: string }; Body: { status: HeatingStatus; note?: string; technician?: { name: string }; eventId?: string } }>(
      '/orders/:orderNo/events',
      {
        schema: {
          body: {
            type: 'object',
            required: ['status'],
            additionalProperties: false,
            properties: {
              status: { type: 'string', enum: [...HEATING_STATUSES] },
              note: { type: 'string', maxLength: 500 },
              technician: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 20 } } },
              eventId: { type: 'string', minLength: 1, maxLength: 64 },
            },
          },
        },
      },
      async (request, reply) => {
        const order = company.byOrderNo(request.params.orderNo)
        if (!order) return reply.code(404).send({ error: 'no such order' })
        const { status, ...extra } = request.body
        return { webhook: await company.report(order, status, extra) }
      },
    )
  }
}
