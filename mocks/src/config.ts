import { createPrivateKey, createPublicKey } from 'node:crypto'
import type { MocksOptions } from './app'
import { LLM_DEV_CREDENTIALS } from './llm-platform'

export interface MocksConfig {
  host: string
  port: number
  platforms: Omit<MocksOptions, 'logger'>
}

/**
 * Credentials the mocks accept when nothing else is configured; the API's own
 * development configuration should default to the same. Keys have no default:
 * private keys are never committed, so they come from the environment.
 */
export const DEV_CREDENTIALS = {
  wechatAppId: 'wx-dev-app',
  wechatAppSecret: 'wx-dev-secret',
  alipayAppId: '2021000000000000',
  /** base64 of the 16 bytes `dev-aes-key-0001`: encrypts Alipay phone numbers; a dev value only */
  alipayAesKey: 'ZGV2LWFlcy1rZXktMDAwMQ==',
  cityAppClientId: 'cityapp-dev-client',
  cityAppClientSecret: 'cityapp-dev-secret',
  wechatNoticeTemplateId: 'dev-notice-tmpl-Q4x0tWkV9a3oYc2mRz7bHn1sLd8eJf5gUp6iKy',
  alipayNoticeTemplateId: 'dev-notice-tmpl-alipay-0001',
  smsAccessKeyId: 'LTAI-dev-sms-key',
  smsAccessKeySecret: 'dev-sms-access-key-secret',
  smsSignName: '智慧信访',
  smsTemplateCode: 'SMS_000000001',
  smsStaffTemplateCode: 'SMS_000000002',
  s3AccessKeyId: 'xinfang-dev-s3-key',
  s3SecretAccessKey: 'xinfang-dev-s3-secret-0000000000000000',
  s3Region: 'us-east-1',
  s3Bucket: 'xinfang-dev',
  heatingAppKey: 'xinfang-dev',
  heatingAppSecret: 'heating-dev-app-secret-0001',
  heatingWebhookSecret: 'heating-dev-webhook-secret-0001',
} as const

/** Reads and checks the whole configuration once, naming every missing or broken variable together. */
export function readMocksConfig(env: NodeJS.ProcessEnv): MocksConfig {
  const problems: string[] = []
  const pem = (name: string, parse: (pem: string) => unknown): string => {
    // env files and CI secrets often carry a PEM on one line with literal \n
    const value = env[name]?.replaceAll('\\n', '\n').trim()
    if (!value) {
      problems.push(`${name} is required (PEM text)`)
      return ''
    }
    try {
      parse(value)
    } catch {
      problems.push(`${name} is not a readable PEM key`)
    }
    return value
  }

  const port = Number(env.MOCKS_PORT ?? 3100)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) problems.push('MOCKS_PORT must be a port number')
  if (env.ALIPAY_AES_KEY !== undefined && Buffer.from(env.ALIPAY_AES_KEY, 'base64').length !== 16) problems.push('ALIPAY_AES_KEY must be base64 of 16 bytes')
  const config: MocksConfig = {
    host: env.MOCKS_HOST ?? '127.0.0.1',
    port,
    platforms: {
      wechat: {
        appId: env.WECHAT_APP_ID ?? DEV_CREDENTIALS.wechatAppId,
        appSecret: env.WECHAT_APP_SECRET ?? DEV_CREDENTIALS.wechatAppSecret,
        noticeTemplateId: env.WECHAT_NOTICE_TEMPLATE_ID ?? DEV_CREDENTIALS.wechatNoticeTemplateId,
      },
      alipay: {
        appId: env.ALIPAY_APP_ID ?? DEV_CREDENTIALS.alipayAppId,
        appPublicKeyPem: pem('ALIPAY_APP_PUBLIC_KEY', createPublicKey),
        platformPrivateKeyPem: pem('ALIPAY_PLATFORM_PRIVATE_KEY', createPrivateKey),
        noticeTemplateId: env.ALIPAY_NOTICE_TEMPLATE_ID ?? DEV_CREDENTIALS.alipayNoticeTemplateId,
        aesKey: env.ALIPAY_AES_KEY ?? DEV_CREDENTIALS.alipayAesKey,
      },
      cityapp: {
        clientId: env.CITYAPP_CLIENT_ID ?? DEV_CREDENTIALS.cityAppClientId,
        clientSecret: env.CITYAPP_CLIENT_SECRET ?? DEV_CREDENTIALS.cityAppClientSecret,
      },
      sms: {
        accessKeyId: env.SMS_ACCESS_KEY_ID ?? DEV_CREDENTIALS.smsAccessKeyId,
        accessKeySecret: env.SMS_ACCESS_KEY_SECRET ?? DEV_CREDENTIALS.smsAccessKeySecret,
        signName: env.SMS_SIGN_NAME ?? DEV_CREDENTIALS.smsSignName,
        templateCode: env.SMS_TEMPLATE_CODE ?? DEV_CREDENTIALS.smsTemplateCode,
        staffTemplateCode: env.SMS_STAFF_TEMPLATE_CODE ?? DEV_CREDENTIALS.smsStaffTemplateCode,
      },
      heating: {
        appKey: env.HEATING_APP_KEY ?? DEV_CREDENTIALS.heatingAppKey,
        appSecret: env.HEATING_APP_SECRET ?? DEV_CREDENTIALS.heatingAppSecret,
        webhookSecret: env.HEATING_WEBHOOK_SECRET ?? DEV_CREDENTIALS.heatingWebhookSecret,
        webhookUrl: env.HEATING_WEBHOOK_URL ?? null,
      },
      llm: { apiKey: env.LLM_API_KEY ?? LLM_DEV_CREDENTIALS.apiKey, model: env.LLM_MODEL ?? LLM_DEV_CREDENTIALS.model },
      s3: {
        accessKeyId: env.S3_ACCESS_KEY_ID ?? DEV_CREDENTIALS.s3AccessKeyId,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? DEV_CREDENTIALS.s3SecretAccessKey,
        region: env.S3_REGION ?? DEV_CREDENTIALS.s3Region,
        buckets: [env.S3_BUCKET ?? DEV_CREDENTIALS.s3Bucket],
      },
    },
  }
  if (problems.length > 0) throw new Error(`mocks configuration is incomplete:\n  - ${problems.join('\n  - ')}`)
  return config
}
