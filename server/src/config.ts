import fs from 'node:fs'
import path from 'node:path'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'
import { MAX_AUDIO_BYTES, MAX_IMAGE_BYTES } from '@xinfang/shared/limits'
import { parseHttpsOrigins } from './lib/https-origins'

/**
 * Where uploaded photos and voice notes are kept: this node's disk (DATA_DIR/files), or an
 * S3-compatible bucket that every API node shares (issue 14). Either way an upload is received
 * into DATA_DIR/files/tmp first. The keys come only from the environment.
 */
const FileStoreEnv = {
  FILE_STORE: Type.Enum(['local', 's3'], { default: 'local' }),
  /** the service's root URL: https://minio.internal:9000, https://oss-cn-hangzhou.aliyuncs.com, https://s3.us-east-1.amazonaws.com */
  S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+(/[^?#]*)?$' })),
  S3_REGION: Type.String({ minLength: 1, default: 'us-east-1' }),
  S3_BUCKET: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' })),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** 1: <endpoint>/<bucket>/<key>, as MinIO and most S3-compatible services take it; 0: <bucket>.<endpoint host>/<key> */
  S3_FORCE_PATH_STYLE: Type.Enum(['0', '1'], { default: '1' }),
}

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

function fileStoreProblems(env: Static<typeof EnvSchema>): string[] {
  const missing = S3_REQUIRED.filter((name) => env[name] === undefined)
  if (env.FILE_STORE !== 's3' || missing.length === 0) return []
  return [`FILE_STORE=s3 needs ${S3_REQUIRED.join(', ')}; missing: ${missing.join(', ')}`]
}

function fileStoreConfig(env: Static<typeof EnvSchema>, filesDir: string) {
  const tmpDir = path.join(filesDir, 'tmp')
  if (env.FILE_STORE === 'local') return { kind: 'local' as const, dir: filesDir, tmpDir }
  const s3 = {
    endpoint: (env.S3_ENDPOINT ?? '').replace(/\/$/, ''),
    region: env.S3_REGION,
    bucket: env.S3_BUCKET ?? '',
    accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
    forcePathStyle: env.S3_FORCE_PATH_STYLE === '1',
  }
  return { kind: 's3' as const, tmpDir, s3 }
}

/**
 * The process environment, read once at boot and validated here; the rest of the app reads
 * `fastify.config`. Secrets have no defaults: the dev launcher (scripts/start.ts) generates
 * them for a demo, production must supply them.
 */
const EnvSchema = Type.Object({
  NODE_ENV: Type.Enum(['development', 'test', 'production'], { default: 'development' }),
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  /** postgres://user:pass@host:5432/db selects PostgreSQL; unset, the SQLite file under DATA_DIR */
  DATABASE_URL: Type.String({ default: '', pattern: '^(postgres(ql)?://.+)?$' }),
  /** connections each API node keeps to PostgreSQL */
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 10 }),
  DB_SYNCHRONOUS: Type.Enum(['FULL', 'NORMAL'], { default: 'FULL' }),
  /** SQLite's page cache in MB: the hot part of the file answered from memory instead of a read() per page */
  DB_CACHE_MB: Type.Integer({ minimum: 2, maximum: 4096, default: 64 }),
  /** how often a background thread copies the WAL into the database file; 0 leaves it to SQLite, inside commits */
  DB_CHECKPOINT_MS: Type.Integer({ minimum: 0, default: 200 }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  /** a log line per request and per answer; 0 when the reverse proxy keeps the access log (errors are logged either way) */
  LOG_REQUESTS: Type.Enum(['0', '1'], { default: '1' }),
  /** enables GET /metrics (Prometheus text) for a scraper presenting it as a bearer token */
  METRICS_TOKEN: Type.String({ default: '' }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 256 * 1024 }),
  // the apps tell residents the shared limits: a deployment may be stricter, never looser
  UPLOAD_MAX_IMAGE_BYTES: Type.Integer({ minimum: 1024, maximum: MAX_IMAGE_BYTES, default: MAX_IMAGE_BYTES }),
  UPLOAD_MAX_AUDIO_BYTES: Type.Integer({ minimum: 1024, maximum: MAX_AUDIO_BYTES, default: MAX_AUDIO_BYTES }),
  CORS_ORIGINS: Type.String({ default: '' }),
  RATE_LIMIT_PUBLIC_MAX: Type.Integer({ minimum: 1, default: 120 }),
  RATE_LIMIT_LOGIN_MAX: Type.Integer({ minimum: 1, default: 20 }),
  RATE_LIMIT_WINDOW_MS: Type.Integer({ minimum: 1000, default: 60_000 }),
  // where the windows are counted: one process's memory, or the database several nodes share (the default on PostgreSQL)
  RATE_LIMIT_STORE: Type.Optional(Type.Union([Type.Literal('memory'), Type.Literal('database')])),
  JWT_SECRET: Type.String({ minLength: 32 }),
  PII_KEY: Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'base64 of 32 random bytes' }),
  PII_HASH_KEY: Type.String({ minLength: 32 }),
  INTEGRATION_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 5000 }),
  INTEGRATION_RETRIES: Type.Integer({ minimum: 0, maximum: 5, default: 2 }),
  /** how often overdue cases are looked for and escalated; 0 turns the timer off */
  ESCALATION_INTERVAL_MS: Type.Integer({ minimum: 0, default: 300_000 }),
  WECHAT_API_BASE: Type.String({ default: 'https://api.weixin.qq.com' }),
  WECHAT_APP_ID: Type.String({ minLength: 1 }),
  WECHAT_APP_SECRET: Type.String({ minLength: 1 }),
  ALIPAY_GATEWAY_URL: Type.String({ default: 'https://openapi.alipay.com/gateway.do' }),
  ALIPAY_APP_ID: Type.String({ minLength: 1 }),
  ALIPAY_APP_PRIVATE_KEY: Type.String({ minLength: 100 }),
  ALIPAY_PUBLIC_KEY: Type.String({ minLength: 100 }),
  ALIPAY_AES_KEY: Type.String({ pattern: '^[A-Za-z0-9+/]{22}==$', description: 'the app\'s 接口内容加密 key, base64 of 16 bytes' }),
  CITYAPP_API_BASE: Type.String({ minLength: 1 }),
  CITYAPP_CLIENT_ID: Type.String({ minLength: 1 }),
  CITYAPP_CLIENT_SECRET: Type.String({ minLength: 1 }),
  /** 郑州热力集团's work-order API (docs/integrations.md): our key and secret there, and the secret its webhooks are signed with */
  HEATING_API_BASE: Type.String({ minLength: 1 }),
  HEATING_APP_KEY: Type.String({ minLength: 1 }),
  HEATING_APP_SECRET: Type.String({ minLength: 16 }),
  HEATING_WEBHOOK_SECRET: Type.String({ minLength: 16 }),
  /** pushes to outside systems (the heating company): 0 turns the timer off; tests then call runOnce */
  OUTBOUND_POLL_MS: Type.Integer({ minimum: 0, default: 1000 }),
  OUTBOUND_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  OUTBOUND_LEASE_MS: Type.Integer({ minimum: 1000, default: 60_000 }),
  OUTBOUND_MAX_ATTEMPTS: Type.Integer({ minimum: 1, default: 50 }),
  OUTBOUND_BACKOFF_BASE_MS: Type.Integer({ minimum: 0, default: 2000 }),
  OUTBOUND_BACKOFF_MAX_MS: Type.Integer({ minimum: 0, default: 300_000 }),
  WECHAT_NOTICE_TEMPLATE_ID: Type.String({ minLength: 1, description: 'the subscription template of case notices' }),
  WECHAT_MINIPROGRAM_STATE: Type.Enum(['developer', 'trial', 'formal'], { default: 'formal' }),
  ALIPAY_NOTICE_TEMPLATE_ID: Type.String({ minLength: 1, description: 'the template message of case notices' }),
  SMS_API_BASE: Type.String({ default: 'https://dysmsapi.aliyuncs.com' }),
  SMS_ACCESS_KEY_ID: Type.String({ minLength: 1 }),
  SMS_ACCESS_KEY_SECRET: Type.String({ minLength: 1 }),
  SMS_SIGN_NAME: Type.String({ minLength: 1 }),
  SMS_TEMPLATE_CODE: Type.String({ minLength: 1 }),
  /** the approved template of work notices to staff: 工作提醒：案件${no}${status}。${detail} */
  SMS_STAFF_TEMPLATE_CODE: Type.String({ minLength: 1 }),
  NOTIFY_POLL_MS: Type.Integer({ minimum: 0, default: 5000, description: '0 turns the timer off; tests then call runOnce' }),
  NOTIFY_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
  // how long a node holds the notices it claimed before another node may take them (it crashed mid-batch)
  NOTIFY_LEASE_MS: Type.Integer({ minimum: 1000, default: 300_000 }),
  NOTIFY_MAX_ATTEMPTS: Type.Integer({ minimum: 1, default: 10 }),
  NOTIFY_BACKOFF_BASE_MS: Type.Integer({ minimum: 0, default: 30_000 }),
  NOTIFY_BACKOFF_MAX_MS: Type.Integer({ minimum: 0, default: 6 * 3_600_000 }),
  /** where phones reach this server and its H5 app: the address printed in H5 QR codes */
  PUBLIC_BASE_URL: Type.String({ pattern: '^https?://[^/]+(/.*)?$', default: 'http://localhost:3000' }),
  /** signatures that trigger a joint-complaint warning, and the level warned: local (the case's street, else its district), district or city */
  COSIGN_THRESHOLDS: Type.String({ pattern: '^\\d+:(local|district|city)(,\\d+:(local|district|city))*$', default: '5:local,30:district,100:city' }),
  /** a burst: this many signatures within this many seconds */
  COSIGN_BURST: Type.String({ pattern: '^\\d+/\\d+$', default: '20/600' }),
  /** flagged (never refused): this many signatures from one address within this many seconds */
  COSIGN_IP_SURGE: Type.String({ pattern: '^\\d+/\\d+$', default: '50/600' }),
  /** how many joint complaints one identity may sign in 24 hours */
  COSIGN_DAILY_LIMIT: Type.Integer({ minimum: 1, default: 20 }),
  /** an OpenAI-compatible chat-completions API (DeepSeek and the like) for staff drafts; unset, drafts come from templates */
  LLM_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://', description: 'the API root, e.g. https://api.deepseek.com/v1' })),
  LLM_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  LLM_MODEL: Type.String({ minLength: 1, default: 'deepseek-chat' }),
  /** per attempt; a draft falls back to the template when the model is slower than this */
  LLM_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 15_000 }),
  SEED_DEMO: Type.Enum(['0', '1'], { default: '0' }),
  DEMO_PASSWORD: Type.String({ minLength: 8, default: 'xinfang-demo' }),
  /** JSON `{ "holidays": ["YYYY-MM-DD"…], "workdays": [...] }` from the State Council's notice, for years the calendar library does not know yet */
  HOLIDAY_CALENDAR_FILE: Type.Optional(Type.String({ minLength: 1 })),
  H5_DIR: Type.Optional(Type.String({ minLength: 1, description: 'the built H5 app (miniapp/dist/h5), served at /' })),
  /** https origins (comma-separated) the city app's SDK loads scripts from and calls, allowed by the H5 app's CSP */
  CITYAPP_SDK_ORIGINS: Type.String({ default: '' }),
  ...FileStoreEnv,
})

export type AppConfig = ReturnType<typeof toConfig>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** PEM text may arrive with literal `\n` escapes when passed through one-line env files. */
const pem = (value: string) => value.replace(/\\n/g, '\n')

function toConfig(env: Static<typeof EnvSchema>) {
  const dataDir = path.resolve(env.DATA_DIR)
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    dataDir,
    databaseFile: path.join(dataDir, 'xinfang.db'),
    databaseUrl: env.DATABASE_URL || undefined,
    dbPoolSize: env.DB_POOL_SIZE,
    fileStore: fileStoreConfig(env, path.join(dataDir, 'files')),
    publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/$/, ''),
    cosign: { thresholds: env.COSIGN_THRESHOLDS, burst: env.COSIGN_BURST, ipSurge: env.COSIGN_IP_SURGE, dailyLimit: env.COSIGN_DAILY_LIMIT },
    dbSynchronous: env.DB_SYNCHRONOUS,
    dbCacheMb: env.DB_CACHE_MB,
    dbCheckpointMs: env.DB_CHECKPOINT_MS,
    logLevel: env.LOG_LEVEL,
    logRequests: env.LOG_REQUESTS === '1',
    metricsToken: env.METRICS_TOKEN,
    bodyLimit: env.BODY_LIMIT_BYTES,
    uploads: { maxImageBytes: env.UPLOAD_MAX_IMAGE_BYTES, maxAudioBytes: env.UPLOAD_MAX_AUDIO_BYTES },
    corsOrigins: env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    rateLimit: {
      publicMax: env.RATE_LIMIT_PUBLIC_MAX,
      loginMax: env.RATE_LIMIT_LOGIN_MAX,
      windowMs: env.RATE_LIMIT_WINDOW_MS,
      store: env.RATE_LIMIT_STORE ?? (env.DATABASE_URL ? 'database' : 'memory'),
    },
    auth: { jwtSecret: env.JWT_SECRET, accessTokenTtlSec: 15 * 60, refreshTokenTtlDays: 30 },
    pii: { key: Buffer.from(env.PII_KEY, 'base64'), hashKey: env.PII_HASH_KEY },
    integrations: { timeoutMs: env.INTEGRATION_TIMEOUT_MS, retries: env.INTEGRATION_RETRIES },
    jobs: { escalationIntervalMs: env.ESCALATION_INTERVAL_MS },
    wechat: { baseUrl: env.WECHAT_API_BASE, appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET },
    alipay: {
      gatewayUrl: env.ALIPAY_GATEWAY_URL,
      appId: env.ALIPAY_APP_ID,
      appPrivateKeyPem: pem(env.ALIPAY_APP_PRIVATE_KEY),
      alipayPublicKeyPem: pem(env.ALIPAY_PUBLIC_KEY),
      aesKey: env.ALIPAY_AES_KEY,
    },
    cityapp: { baseUrl: env.CITYAPP_API_BASE, clientId: env.CITYAPP_CLIENT_ID, clientSecret: env.CITYAPP_CLIENT_SECRET },
    heating: { baseUrl: env.HEATING_API_BASE, appKey: env.HEATING_APP_KEY, secret: env.HEATING_APP_SECRET, webhookSecret: env.HEATING_WEBHOOK_SECRET },
    outbound: {
      pollMs: env.OUTBOUND_POLL_MS,
      batchSize: env.OUTBOUND_BATCH_SIZE,
      leaseMs: env.OUTBOUND_LEASE_MS,
      maxAttempts: env.OUTBOUND_MAX_ATTEMPTS,
      backoffBaseMs: env.OUTBOUND_BACKOFF_BASE_MS,
      backoffMaxMs: env.OUTBOUND_BACKOFF_MAX_MS,
    },
    notices: {
      wechatTemplateId: env.WECHAT_NOTICE_TEMPLATE_ID,
      wechatMiniprogramState: env.WECHAT_MINIPROGRAM_STATE,
      alipayTemplateId: env.ALIPAY_NOTICE_TEMPLATE_ID,
      sms: {
        baseUrl: env.SMS_API_BASE,
        accessKeyId: env.SMS_ACCESS_KEY_ID,
        accessKeySecret: env.SMS_ACCESS_KEY_SECRET,
        signName: env.SMS_SIGN_NAME,
        templateCode: env.SMS_TEMPLATE_CODE,
        staffTemplateCode: env.SMS_STAFF_TEMPLATE_CODE,
      },
      pollMs: env.NOTIFY_POLL_MS,
      batchSize: env.NOTIFY_BATCH_SIZE,
      leaseMs: env.NOTIFY_LEASE_MS,
      maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
      backoffBaseMs: env.NOTIFY_BACKOFF_BASE_MS,
      backoffMaxMs: env.NOTIFY_BACKOFF_MAX_MS,
    },
    llm: env.LLM_BASE_URL && env.LLM_API_KEY ? { baseUrl: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY, model: env.LLM_MODEL, timeoutMs: env.LLM_TIMEOUT_MS } : null,
    demo: { seed: env.SEED_DEMO === '1', password: env.DEMO_PASSWORD },
    h5Dir: env.H5_DIR === undefined ? null : path.resolve(env.H5_DIR),
    holidayCalendarFile: env.HOLIDAY_CALENDAR_FILE === undefined ? null : path.resolve(env.HOLIDAY_CALENDAR_FILE),
    cityAppSdkOrigins: parseHttpsOrigins(env.CITYAPP_SDK_ORIGINS).origins,
  }
}

const isDirectory = (dir: string) => fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true

/** Reads and validates the environment; throws one ConfigError naming every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.fromEntries(
    Object.keys(EnvSchema.properties).flatMap((key) => (env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]])),
  )
  const converted = Value.Convert(EnvSchema, Value.Default(EnvSchema, known))
  const problems = [...Value.Errors(EnvSchema, converted)].map((e) => `${e.instancePath.slice(1) || 'environment'}: ${e.message}`)
  const parsed = converted as Static<typeof EnvSchema>
  if (parsed.NODE_ENV === 'production' && parsed.SEED_DEMO === '1') {
    problems.push('SEED_DEMO=1 is refused when NODE_ENV=production: demo accounts must never reach a live system')
  }
  if ((parsed.LLM_BASE_URL === undefined) !== (parsed.LLM_API_KEY === undefined)) {
    problems.push('LLM_BASE_URL and LLM_API_KEY go together: set both to use the model, or neither for template drafts')
  }
  // a mistyped H5_DIR would otherwise start fine and answer every page with 404
  if (parsed.H5_DIR !== undefined && !isDirectory(parsed.H5_DIR)) {
    problems.push(`H5_DIR: ${path.resolve(parsed.H5_DIR)} is not a folder (build it with npm run build:h5)`)
  }
  // a mistyped SDK origin would otherwise leave the city app's bridge blocked by the CSP, or widen it
  problems.push(...parseHttpsOrigins(parsed.CITYAPP_SDK_ORIGINS).problems.map((p) => `CITYAPP_SDK_ORIGINS: ${p}`))
  problems.push(...fileStoreProblems(parsed))
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`)
  return toConfig(parsed)
}
