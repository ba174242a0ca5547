import type { FastifyPluginAsync } from 'fastify'
import type { CallJournal } from './call-journal'
import type { FaultMode, FaultSchedule } from './fault-schedule'
import { MOCK_PLATFORMS, type MockPlatform } from './mock-platform'
import type { OneTimeCodes } from './one-time-codes'
import type { OptOutPlatform, OptOuts } from './opt-outs'
import type { S3Objects } from './s3-objects'
import type { AccessTokens } from './wechat-access-tokens'

type CodePlatform = Exclude<MockPlatform, 'sms' | 'llm' | 's3' | 'heating'>

export interface ControlRoutesDependencies {
  journal: CallJournal
  faults: FaultSchedule
  codes: Record<CodePlatform, OneTimeCodes>
  optOuts: OptOuts
  wechatTokens: AccessTokens
  s3Objects: S3Objects
}

export interface FaultRequest {
  platform: MockPlatform
  mode: FaultMode
  count?: number
  delayMs?: number
}

export interface CodeRequest {
  platform: CodePlatform
  name: string
}

export interface OptOutRequest {
  platform: OptOutPlatform
  /** as the platform knows the user: the openid, the Alipay user_id or open_id, the city app's sub */
  userId: string
}

const platformSchema = { type: 'string', enum: MOCK_PLATFORMS } as const
const codePlatformSchema = { type: 'string', enum: ['wechat', 'alipay', 'cityapp'] } as const

/** `/__mocks`: the tests' handle on the mocks; no real platform has anything like it. */
export function controlRoutes({ journal, faults, codes, optOuts, wechatTokens, s3Objects }: ControlRoutesDependencies): FastifyPluginAsync {
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
              mode: { type: 'string', enum: ['fail', 'slow', 'busy', 'none'] },
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
            properties: { platform: codePlatformSchema, name: { type: 'string', minLength: 1, maxLength: 64 } },
          },
        },
      },
      async (request, reply) => reply.code(201).send({ code: codes[request.body.platform].issue(request.body.name) }),
    )

    // A user who never agreed to our messages, so tests can watch the API fall back to SMS.
    app.post<{ Body: OptOutRequest }>(
      '/opt-outs',
      {
        schema: {
          body: {
            type: 'object',
            required: ['platform', 'userId'],
            additionalProperties: false,
            properties: { platform: codePlatformSchema, userId: { type: 'string', minLength: 1, maxLength: 128 } },
          },
        },
      },
      async (request, reply) => {
        optOuts.add(request.body.platform, request.body.userId)
        return reply.code(204).send()
      },
    )

    // What the object store holds, so a test can tell a file reached it and not the API's disk.
    app.get('/s3/objects', async () => ({ objects: s3Objects.list() }))

    // As when the app secret is reset: every WeChat access token stops working at once.
    app.delete('/tokens', async (_request, reply) => {
      wechatTokens.clear()
      return reply.code(204).send()
    })
  }
}
