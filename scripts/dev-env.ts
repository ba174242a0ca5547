import { generateKeyPairSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { DEV_CREDENTIALS } from '@xinfang/mocks/config'
import { LLM_DEV_CREDENTIALS } from '@xinfang/mocks/llm-platform'

/**
 * The environment for running everything on one machine with the platform mocks and demo data.
 * Secrets are generated once per data folder and kept beside the database (mode 0600): the
 * PII key must outlive restarts or the encrypted columns become unreadable. Nothing here is
 * for production, which supplies its own environment and real platform endpoints.
 */
interface DevSecrets {
  jwtSecret: string
  piiKey: string
  piiHashKey: string
  alipayAppPublicKey: string
  alipayAppPrivateKey: string
  alipayPlatformPublicKey: string
  alipayPlatformPrivateKey: string
}

const rsaPair = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })

function loadOrCreateSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'dev-secrets.json')
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as DevSecrets
  const app = rsaPair()
  const platform = rsaPair()
  const secrets: DevSecrets = {
    jwtSecret: randomBytes(32).toString('base64url'),
    piiKey: randomBytes(32).toString('base64'),
    piiHashKey: randomBytes(32).toString('base64url'),
    alipayAppPublicKey: app.publicKey,
    alipayAppPrivateKey: app.privateKey,
    alipayPlatformPublicKey: platform.publicKey,
    alipayPlatformPrivateKey: platform.privateKey,
  }
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

export interface DevEnv {
  apiPort: number
  mocksPort: number
  dataDir: string
  mocks: NodeJS.ProcessEnv
  server: NodeJS.ProcessEnv
}

export function devEnv(env: NodeJS.ProcessEnv = process.env): DevEnv {
  if (env.NODE_ENV === 'production') {
    throw new Error('scripts/start.ts runs the demo (platform mocks, demo accounts) and refuses NODE_ENV=production; start server/src/server.ts with a real environment instead')
  }
  const apiPort = Number(env.PORT ?? 3000)
  const mocksPort = Number(env.MOCKS_PORT ?? 3100)
  const dataDir = path.resolve(env.DATA_DIR ?? './data')
  const secrets = loadOrCreateSecrets(dataDir)
  const mocksUrl = `http://127.0.0.1:${mocksPort}`
  return {
    apiPort,
    mocksPort,
    dataDir,
    mocks: {
      ...env,
      MOCKS_PORT: String(mocksPort),
      ALIPAY_APP_PUBLIC_KEY: secrets.alipayAppPublicKey,
      ALIPAY_PLATFORM_PRIVATE_KEY: secrets.alipayPlatformPrivateKey,
      // the heating company calls the demo API back with its work orders' progress
      HEATING_WEBHOOK_URL: `http://127.0.0.1:${apiPort}/api/v1/zones/heating/webhook`,
    },
    server: {
      ...env,
      NODE_ENV: env.NODE_ENV ?? 'development',
      PORT: String(apiPort),
      // what H5 QR codes print: this machine's API, unless told where phones really reach it
      PUBLIC_BASE_URL: env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${apiPort}`,
      DATA_DIR: dataDir,
      JWT_SECRET: env.JWT_SECRET ?? secrets.jwtSecret,
      PII_KEY: env.PII_KEY ?? secrets.piiKey,
      PII_HASH_KEY: env.PII_HASH_KEY ?? secrets.piiHashKey,
      // the mock LLM, so a demo shows model-written drafts; a real endpoint is configuration
      LLM_BASE_URL: env.LLM_BASE_URL ?? `${mocksUrl}/llm/v1`,
      LLM_API_KEY: env.LLM_API_KEY ?? LLM_DEV_CREDENTIALS.apiKey,
      LLM_MODEL: env.LLM_MODEL ?? LLM_DEV_CREDENTIALS.model,
      WECHAT_API_BASE: `${mocksUrl}/wechat`,
      WECHAT_APP_ID: DEV_CREDENTIALS.wechatAppId,
      WECHAT_APP_SECRET: DEV_CREDENTIALS.wechatAppSecret,
      ALIPAY_GATEWAY_URL: `${mocksUrl}/alipay/gateway.do`,
      ALIPAY_APP_ID: DEV_CREDENTIALS.alipayAppId,
      ALIPAY_APP_PRIVATE_KEY: secrets.alipayAppPrivateKey,
      ALIPAY_PUBLIC_KEY: secrets.alipayPlatformPublicKey,
      ALIPAY_AES_KEY: DEV_CREDENTIALS.alipayAesKey,
      CITYAPP_API_BASE: `${mocksUrl}/cityapp`,
      CITYAPP_CLIENT_ID: DEV_CREDENTIALS.cityAppClientId,
      CITYAPP_CLIENT_SECRET: DEV_CREDENTIALS.cityAppClientSecret,
      HEATING_API_BASE: `${mocksUrl}/heating`,
      HEATING_APP_KEY: DEV_CREDENTIALS.heatingAppKey,
      HEATING_APP_SECRET: DEV_CREDENTIALS.heatingAppSecret,
      HEATING_WEBHOOK_SECRET: DEV_CREDENTIALS.heatingWebhookSecret,
      WECHAT_NOTICE_TEMPLATE_ID: DEV_CREDENTIALS.wechatNoticeTemplateId,
      ALIPAY_NOTICE_TEMPLATE_ID: DEV_CREDENTIALS.alipayNoticeTemplateId,
      SMS_API_BASE: `${mocksUrl}/sms`,
      SMS_ACCESS_KEY_ID: DEV_CREDENTIALS.smsAccessKeyId,
      SMS_ACCESS_KEY_SECRET: DEV_CREDENTIALS.smsAccessKeySecret,
      SMS_SIGN_NAME: DEV_CREDENTIALS.smsSignName,
      SMS_TEMPLATE_CODE: DEV_CREDENTIALS.smsTemplateCode,
      SMS_STAFF_TEMPLATE_CODE: DEV_CREDENTIALS.smsStaffTemplateCode,
      // the mock bucket, for trying FILE_STORE=s3 on one machine; files stay on disk unless it is set
      S3_ENDPOINT: env.S3_ENDPOINT ?? `${mocksUrl}/s3`,
      S3_REGION: env.S3_REGION ?? DEV_CREDENTIALS.s3Region,
      S3_BUCKET: env.S3_BUCKET ?? DEV_CREDENTIALS.s3Bucket,
      S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID ?? DEV_CREDENTIALS.s3AccessKeyId,
      S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY ?? DEV_CREDENTIALS.s3SecretAccessKey,
      SEED_DEMO: '1',
    },
  }
}
