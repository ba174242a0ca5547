import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startMocks, type RunningMocks } from '@xinfang/mocks/start-mocks'
import { DEV_CREDENTIALS } from '@xinfang/mocks/config'
import { LLM_DEV_CREDENTIALS } from '@xinfang/mocks/llm-platform'
import { buildApp, type App } from '@xinfang/server/app'
import { loadConfig } from '@xinfang/server/config'
import { isSqlite } from '@xinfang/server/db/sqlite-engine'
import type { Clock } from '@xinfang/server/lib/clock'
import { createDatabase, dropDatabase } from '@xinfang/server/db/pg-admin'
import { findPgBin } from '@xinfang/server/db/pg-tools'
import { createClient, type ApiClient } from './client'

/**
 * The engine this run's stacks use: SQLite unless the vitest project says postgres
 * (vitest.config.ts runs the API suite once on each).
 */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.XINFANG_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite'

export interface Stack {
  app: App
  mocks: RunningMocks
  baseUrl: string
  dataDir: string
  engine: 'sqlite' | 'postgres'
  /** DATABASE_URL on PostgreSQL, null on SQLite */
  databaseUrl: string | null
  api: ApiClient
  /** every byte the database keeps: the SQLite files after a checkpoint, or a plain pg_dump of the PostgreSQL database */
  storedBytes(): Promise<Buffer>
  /** Stops the API and starts it again on the same data, secrets and mocks (with `env` on top), as a restart does. */
  restart(env?: Record<string, string>): Promise<void>
  close(): Promise<void>
}

export const DEMO_PASSWORD = 'xinfang-demo-test'

/** A settable clock, for moving a case across deadlines. */
export function fakeClock(start: Date | string) {
  let now = new Date(start)
  return {
    now: () => new Date(now),
    set: (to: Date | string) => {
      now = new Date(to)
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms)
    },
  } satisfies Clock & Record<string, unknown>
}

/** The API's environment for talking to these mocks, with fresh secrets and the demo accounts. */
export function stackEnv(mocks: RunningMocks, dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    DB_SYNCHRONOUS: 'NORMAL',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    PII_KEY: randomBytes(32).toString('base64'),
    PII_HASH_KEY: randomBytes(32).toString('base64url'),
    INTEGRATION_TIMEOUT_MS: '2000',
    INTEGRATION_RETRIES: '1',
    RATE_LIMIT_PUBLIC_MAX: '10000',
    RATE_LIMIT_LOGIN_MAX: '10000',
    WECHAT_API_BASE: `${mocks.baseUrl}/wechat`,
    WECHAT_APP_ID: DEV_CREDENTIALS.wechatAppId,
    WECHAT_APP_SECRET: DEV_CREDENTIALS.wechatAppSecret,
    ALIPAY_GATEWAY_URL: `${mocks.baseUrl}/alipay/gateway.do`,
    ALIPAY_APP_ID: DEV_CREDENTIALS.alipayAppId,
    ALIPAY_APP_PRIVATE_KEY: mocks.alipayClientKeys.appPrivateKeyPem,
    ALIPAY_PUBLIC_KEY: mocks.alipayClientKeys.alipayPublicKeyPem,
    ALIPAY_AES_KEY: DEV_CREDENTIALS.alipayAesKey,
    CITYAPP_API_BASE: `${mocks.baseUrl}/cityapp`,
    CITYAPP_CLIENT_ID: DEV_CREDENTIALS.cityAppClientId,
    CITYAPP_CLIENT_SECRET: DEV_CREDENTIALS.cityAppClientSecret,
    HEATING_API_BASE: `${mocks.baseUrl}/heating`,
    HEATING_APP_KEY: DEV_CREDENTIALS.heatingAppKey,
    HEATING_APP_SECRET: DEV_CREDENTIALS.heatingAppSecret,
    HEATING_WEBHOOK_SECRET: DEV_CREDENTIALS.heatingWebhookSecret,
    WECHAT_NOTICE_TEMPLATE_ID: DEV_CREDENTIALS.wechatNoticeTemplateId,
    ALIPAY_NOTICE_TEMPLATE_ID: DEV_CREDENTIALS.alipayNoticeTemplateId,
    SMS_API_BASE: `${mocks.baseUrl}/sms`,
    SMS_ACCESS_KEY_ID: DEV_CREDENTIALS.smsAccessKeyId,
    SMS_ACCESS_KEY_SECRET: DEV_CREDENTIALS.smsAccessKeySecret,
    SMS_SIGN_NAME: DEV_CREDENTIALS.smsSignName,
    SMS_TEMPLATE_CODE: DEV_CREDENTIALS.smsTemplateCode,
    SMS_STAFF_TEMPLATE_CODE: DEV_CREDENTIALS.smsStaffTemplateCode,
    LLM_BASE_URL: `${mocks.baseUrl}/llm/v1`,
    LLM_API_KEY: LLM_DEV_CREDENTIALS.apiKey,
    LLM_MODEL: LLM_DEV_CREDENTIALS.model,
    LLM_TIMEOUT_MS: '2000',
    // the S3 mock's bucket, used by the stacks that set FILE_STORE=s3
    S3_ENDPOINT: `${mocks.baseUrl}/s3`,
    S3_REGION: DEV_CREDENTIALS.s3Region,
    S3_BUCKET: DEV_CREDENTIALS.s3Bucket,
    S3_ACCESS_KEY_ID: DEV_CREDENTIALS.s3AccessKeyId,
    S3_SECRET_ACCESS_KEY: DEV_CREDENTIALS.s3SecretAccessKey,
    // tests send notices themselves with app.outbox.runOnce(), never behind their backs
    NOTIFY_POLL_MS: '0',
    // and escalate with app.jobs.escalateOverdue() under a fake clock
    ESCALATION_INTERVAL_MS: '0',
    // and push heating work orders with app.outbound.runOnce()
    OUTBOUND_POLL_MS: '0',
    SEED_DEMO: '1',
    DEMO_PASSWORD,
  }
}

export interface StackOptions {
  /** on top of stackEnv's */
  env?: Record<string, string>
  clock?: Clock
}

/** A fresh database on the run's PostgreSQL server (tests/support/postgres-setup.ts), and how to drop it. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.XINFANG_TEST_PG_URL
  if (!adminUrl) throw new Error('XINFANG_TEST_ENGINE=postgres needs the PostgreSQL of tests/support/postgres-setup.ts (XINFANG_TEST_PG_URL)')
  const url = await createDatabase(adminUrl)
  return { url, drop: () => dropDatabase(adminUrl, url) }
}

/** The environment that puts a server process on this run's engine: DATABASE_URL of a fresh database on PostgreSQL, nothing on SQLite. */
export async function engineEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (TEST_ENGINE !== 'postgres') return { env: {}, drop: async () => undefined }
  const postgres = await freshPostgres()
  return { env: { DATABASE_URL: postgres.url }, drop: postgres.drop }
}

/**
 * The real thing, small: the mocks and the API each listening on a free port of 127.0.0.1,
 * talking over HTTP, on a fresh SQLite file (or PostgreSQL database), with the demo accounts seeded.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const mocks = await startMocks()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-test-'))
  const postgres = TEST_ENGINE === 'postgres' ? await freshPostgres() : null
  const env = { ...stackEnv(mocks, dataDir), ...(postgres ? { DATABASE_URL: postgres.url } : {}), ...options.env }
  const start = async (overrides: Record<string, string> = {}) => {
    const app = await buildApp(loadConfig({ ...env, ...overrides }), { logger: false, ...(options.clock ? { clock: options.clock } : {}) })
    const baseUrl = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '')
    return { app, baseUrl, api: createClient(baseUrl) }
  }
  let running: Awaited<ReturnType<typeof start>>
  try {
    running = await start()
  } catch (error) {
    // a stack that cannot start leaves nothing running behind it
    await mocks.close()
    await postgres?.drop()
    fs.rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  const stack: Stack = {
    ...running,
    mocks,
    dataDir,
    engine: TEST_ENGINE,
    databaseUrl: postgres?.url ?? null,
    async storedBytes() {
      if (postgres) return execFileSync(path.join(findPgBin(), 'pg_dump'), ['--dbname', postgres.url, '--format', 'plain'], { maxBuffer: 1 << 30 })
      const { db } = stack.app
      if (isSqlite(db)) db.connection.pragma('wal_checkpoint(TRUNCATE)')
      return Buffer.concat(fs.readdirSync(dataDir).filter((f) => f.startsWith('xinfang.db')).map((f) => fs.readFileSync(path.join(dataDir, f))))
    },
    async restart(overrides) {
      await stack.app.close()
      Object.assign(stack, await start(overrides))
    },
    async close() {
      await stack.app.close()
      await mocks.close()
      await postgres?.drop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return stack
}
