import formbody from '@fastify/formbody'
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import { alipayDevRoutes } from './alipay-phone-number'
import { alipayBusyAnswer, alipayRoutes, newAlipayAuthCode, type AlipayMockOptions } from './alipay-platform'
import { CallJournal } from './call-journal'
import { cityAppBusyAnswer } from './cityapp-push'
import { cityAppRoutes, newCityAppTicket, type CityAppMockOptions } from './cityapp-platform'
import { controlRoutes } from './control-routes'
import { FaultSchedule } from './fault-schedule'
import { HeatingCompany, heatingBusyAnswer, heatingRoutes, type HeatingMockOptions } from './heating-company'
import { heatingControls } from './heating-controls'
import { LLM_DEV_CREDENTIALS, llmBusyAnswer, llmRoutes, type LlmMockOptions } from './llm-platform'
import type { MockPlatform } from './mock-platform'
import { OneTimeCodes } from './one-time-codes'
import { OptOuts } from './opt-outs'
import { platformScope } from './platform-scope'
import { redactSecretsInUrl } from './redaction'
import { S3Objects } from './s3-objects'
import { s3BusyAnswer, s3Routes, type S3MockOptions } from './s3-platform'
import { smsBusyAnswer, smsRoutes, type SmsMockOptions } from './sms-platform'
import { AccessTokens } from './wechat-access-tokens'
import { PhoneCodes } from './wechat-phone-number'
import { newWechatLoginCode, wechatBusyAnswer, wechatRoutes, type WechatMockOptions } from './wechat-platform'

export interface MocksOptions {
  wechat: WechatMockOptions
  alipay: AlipayMockOptions
  cityapp: CityAppMockOptions
  sms: SmsMockOptions
  /** the OpenAI-compatible model; the dev key and model when not given */
  llm?: LlmMockOptions
  s3: S3MockOptions
  heating: HeatingMockOptions
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
  // Alipay QR image names carry what the code encodes, and run past Fastify's 100-character default.
  const app = Fastify({ logger: options.logger === true && loggerOptions, forceCloseConnections: true, routerOptions: { maxParamLength: 2048 } })
  const journal = new CallJournal()
  const faults = new FaultSchedule()
  const codes: Record<Exclude<MockPlatform, 'sms' | 'llm' | 's3' | 'heating'>, OneTimeCodes> = {
    wechat: new OneTimeCodes(newWechatLoginCode),
    alipay: new OneTimeCodes(newAlipayAuthCode),
    cityapp: new OneTimeCodes(newCityAppTicket),
  }
  const wechatTokens = new AccessTokens()
  const optOuts = new OptOuts()
  const s3Objects = new S3Objects()
  const scope = { journal, faults }

  app.register(formbody)
  app.register(controlRoutes({ journal, faults, codes, optOuts, wechatTokens, s3Objects }), { prefix: '/__mocks' })
  const wechatState = { codes: codes.wechat, phoneCodes: new PhoneCodes(), tokens: wechatTokens, optOuts }
  app.register(platformScope('wechat', wechatRoutes(options.wechat, wechatState), scope, wechatBusyAnswer), { prefix: '/wechat' })
  app.register(platformScope('alipay', alipayRoutes(options.alipay, { codes: codes.alipay, optOuts }), scope, alipayBusyAnswer(options.alipay)), {
    prefix: '/alipay',
  })
  app.register(alipayDevRoutes(options.alipay), { prefix: '/alipay/__dev' })
  app.register(platformScope('cityapp', cityAppRoutes(options.cityapp, codes.cityapp, optOuts), scope, cityAppBusyAnswer), { prefix: '/cityapp' })
  app.register(platformScope('sms', smsRoutes(options.sms), scope, smsBusyAnswer), { prefix: '/sms' })
  app.register(platformScope('llm', llmRoutes(options.llm ?? LLM_DEV_CREDENTIALS), scope, llmBusyAnswer), { prefix: '/llm' })
  app.register(platformScope('s3', s3Routes(options.s3, s3Objects), scope, s3BusyAnswer), { prefix: '/s3' })
  const heating = new HeatingCompany({ ...options.heating })
  app.register(platformScope('heating', heatingRoutes(heating), scope, heatingBusyAnswer), { prefix: '/heating' })
  app.register(heatingControls(heating), { prefix: '/__mocks/heating' })
  return app
}
