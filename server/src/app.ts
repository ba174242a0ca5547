import Fastify, { LogController, type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { AppConfig } from './config'
import { systemClock, type Clock } from './lib/clock'
import authPlugin from './plugins/auth'
import bootstrapPlugin from './plugins/bootstrap'
import configPlugin from './plugins/config'
import { answerClientError } from './plugins/client-errors'
import dbPlugin from './plugins/db'
import docsPlugin from './plugins/docs'
import errorHandlerPlugin from './plugins/error-handler'
import h5AppPlugin from './plugins/h5-app'
import piiPlugin from './plugins/pii'
import platformsPlugin from './plugins/platforms'
import securityPlugin from './plugins/security'
import validationPlugin from './plugins/validation'
import authRoutes from './modules/auth/routes'
import holidayCalendarPlugin from './plugins/holiday-calendar'
import auditModule from './modules/audit/index'
import { auditRoutes } from './modules/audit/routes'
import jobsPlugin from './jobs/index'
import casesModule from './modules/cases/index'
import { caseContextPlugin } from './modules/cases/case-context'
import cosignModule from './modules/cosign/index'
import zonesModule from './modules/zones/index'
import outboundModule from './modules/outbound/index'
import catalogRoutes from './modules/catalog/routes'
import fileRoutes from './modules/files/routes'
import healthRoutes from './modules/health/routes'
import metricsPlugin from './plugins/metrics'
import notificationsModule from './modules/notifications/index'
import { noticeSettingsRoutes } from './modules/notifications/notice-settings-routes'
import { noticeTemplatesRoutes } from './modules/notifications/notice-templates-routes'
import workbenchModule from './modules/workbench/index'
import assistantPlugin from './modules/assist/assistant-plugin'
import assistModule from './modules/assist/index'

export interface AppOptions {
  clock?: Clock
  logger?: FastifyServerOptions['logger']
}

/**
 * The whole API as one Fastify instance, for the process (server.ts) and for tests alike.
 * Registration order is the dependency order: configuration, outside plugins, our decorators,
 * then the domain modules under /api/v1, and last the H5 app's static files (when configured),
 * which take whatever path the API leaves.
 */
export async function buildApp(config: AppConfig, options: AppOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    bodyLimit: config.bodyLimit,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>()

  // every answer carries its request id, so a resident's screenshot leads to the log line
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
  await app.register(configPlugin, { config, clock: options.clock ?? systemClock })
  await app.register(errorHandlerPlugin)
  await app.register(holidayCalendarPlugin)
  await app.register(validationPlugin)
  await app.register(dbPlugin)
  await app.register(securityPlugin)
  await app.register(docsPlugin)
  await app.register(piiPlugin)
  await app.register(authPlugin)
  await app.register(platformsPlugin)
  await app.register(bootstrapPlugin)
  await app.register(notificationsModule)
  await app.register(auditModule)
  await app.register(assistantPlugin)
  await app.register(caseContextPlugin)
  await app.register(outboundModule)
  await app.register(jobsPlugin)

  await app.register(metricsPlugin)
  await app.register(healthRoutes)
  await app.register(
    async (api) => {
      await api.register(catalogRoutes, { prefix: '/catalog' })
      await api.register(authRoutes, { prefix: '/auth' })
      await api.register(fileRoutes, { prefix: '/files' })
      await api.register(auditRoutes, { prefix: '/audit' })
      await api.register(assistModule)
      await api.register(casesModule)
      await api.register(workbenchModule)
      await api.register(noticeSettingsRoutes, { prefix: '/workbench/notice-settings' })
      await api.register(noticeTemplatesRoutes, { prefix: '/notices/templates' })
      await api.register(cosignModule)
      await api.register(zonesModule)
    },
    { prefix: '/api/v1' },
  )
  await app.register(h5AppPlugin)
  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
