import type { FastifyPluginAsync } from 'fastify'
import type { CallJournal } from './call-journal'
import type { FaultMode, FaultSchedule } from './fault-schedule'
import { MOCK_PLATFORMS, type MockPlatform } from './mock-platform'
import type { OneTimeCodes } from './one-time-codes'

export interface ControlRoutesDependencies {
  journal: CallJournal
  faults: FaultSchedule
  codes: Record<MockPlatform, OneTimeCodes>
}

export interface FaultRequest {
  platform: MockPlatform
  mode: FaultMode
  count?: number
  delayMs?: number
}

export interface CodeRequest {
  platform: MockPlatform
  name: string
}

const platformSchema = { type: 'string', enum: MOCK_PLATFORMS } as const

/** `/__mocks`: the tests' handle on the mocks; no real platform has anything like it. */
export function controlRoutes({ journal, faults, codes }: ControlRoutesDependencies): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { platform?: MockPlatform } }>(
      '/calls',
      { schema: { querystring: { type: 'object', properties: { platform: platformSchema } } } },
      async (request) => ({ calls: journal.list(request.query.platform) }),
    )

    app.delete('/calls', async (_request, reply) => {
      journal.clear()
      return reply.code(204).send()
    })

    app.post<{ Body: FaultRequest }>(
      '/faults',
      {
        schema: {
          body: {
            type: 'object',
            required: ['platform', 'mode'],
            additionalProperties: false,
            properties: {
              platform: platformSchema,
              mode: { type: 'string', enum: ['fail', 'slow', 'none'] },
              count: { type: 'integer', minimum: 1 },
              delayMs: { type: 'integer', minimum: 0 },
            },
          },
        },
      },
      async (request, reply) => {
        const { platform, mode, count, delayMs } = request.body
        faults.arm(platform, mode, count, delayMs)
        return reply.code(204).send()
      },
    )

    // Hands out a real-looking single-use code, as the phone's login call would,
    // so tests can replay it and see the platform's "already used" answer.
    app.post<{ Body: CodeRequest }>(
      '/codes',
      {
        schema: {
          body: {
            type: 'object',
            required: ['platform', 'name'],
            additionalProperties: false,
            properties: { platform: platformSchema, name: { type: 'string', minLength: 1, maxLength: 64 } },
          },
        },
      },
      async (request, reply) => reply.code(201).send({ code: codes[request.body.platform].issue(request.body.name) }),
    )
  }
}
