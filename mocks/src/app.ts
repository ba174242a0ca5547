import formbody from '@fastify/formbody'
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import { alipayRoutes, newAlipayAuthCode, type AlipayMockOptions } from './alipay-platform'
import { CallJournal } from './call-journal'
import { cityAppRoutes, newCityAppTicket, type CityAppMockOptions } from './cityapp-platform'
import { controlRoutes } from './control-routes'
import { FaultSchedule } from './fault-schedule'
import type { MockPlatform } from './mock-platform'
import { OneTimeCodes } from './one-time-codes'
import { platformScope } from './platform-scope'
import { redactSecretsInUrl } from './redaction'
import { newWechatLoginCode, wechatRoutes, type WechatMockOptions } from './wechat-platform'

export interface MocksOptions {
  wechat: WechatMockOptions
  alipay: AlipayMockOptions
  cityapp: CityAppMockOptions
  logger?: boolean
}

// Request logs print the URL, and WeChat takes its app secret in the query string.
const loggerOptions = {
  serializers: {
    req: (request: FastifyRequest) => ({ method: request.method, url: redactSecretsInUrl(request.url) }),
  },
}

/**
 * Every outside platform in one app, each under its own prefix, so that
 * switching the API between mock and real changes only a base URL.
 */
export function buildMocks(options: MocksOptions): FastifyInstance {
  // Stalled requests must not hold up close(): a test that ends mid-stall still ends.
  const app = Fastify({ logger: options.logger === true && loggerOptions, forceCloseConnections: true })
  const journal = new CallJournal()
  const faults = new FaultSchedule()
  const codes: Record<MockPlatform, OneTimeCodes> = {
    wechat: new OneTimeCodes(newWechatLoginCode),
    alipay: new OneTimeCodes(newAlipayAuthCode),
    cityapp: new OneTimeCodes(newCityAppTicket),
  }
  const scope = { journal, faults }

  app.register(formbody)
  app.register(controlRoutes({ journal, faults, codes }), { prefix: '/__mocks' })
  app.register(platformScope('wechat', wechatRoutes(options.wechat, codes.wechat), scope), { prefix: '/wechat' })
  app.register(platformScope('alipay', alipayRoutes(options.alipay, codes.alipay), scope), { prefix: '/alipay' })
  app.register(platformScope('cityapp', cityAppRoutes(options.cityapp, codes.cityapp), scope), { prefix: '/cityapp' })
  return app
}
