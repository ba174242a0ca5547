import { generateKeyPairSync } from 'node:crypto'
import type { SealedPhoneNumber } from './alipay-phone-number'
import { buildMocks, type MocksOptions } from './app'
import type { JournalEntry } from './call-journal'
import { DEV_CREDENTIALS } from './config'
import { LLM_DEV_CREDENTIALS } from './llm-platform'
import type { CodeRequest, FaultRequest, OptOutRequest } from './control-routes'
import type { MockPlatform } from './mock-platform'
import type { ObjectSummary } from './s3-objects'

/** The mocks listening on a free port, with the key halves a client needs and the control endpoints at hand. */
export interface RunningMocks {
  baseUrl: string
  options: MocksOptions
  /** What the API's configuration would hold to talk to these mocks' Alipay. */
  alipayClientKeys: { appPrivateKeyPem: string; alipayPublicKeyPem: string }
  calls(platform?: MockPlatform): Promise<JournalEntry[]>
  clearCalls(): Promise<void>
  injectFault(fault: FaultRequest): Promise<void>
  issueCode(request: CodeRequest): Promise<string>
  /** From now on the platform refuses to deliver our messages to this user. */
  optOut(request: OptOutRequest): Promise<void>
  /** What the S3 mock's buckets hold: keys, sizes and SHA-256 (hex) of the bytes. */
  s3Objects(): Promise<ObjectSummary[]>
  /** Every WeChat access token stops working, as after a secret reset. */
  revokeTokens(): Promise<void>
  /** What my.getPhoneNumber would give the Alipay mini-program of user `name`. */
  alipayPhoneNumber(name: string): Promise<SealedPhoneNumber>
  close(): Promise<void>
}

/** An RSA-2048 pair made at run time: no private key is ever committed. */
export function generateRsaKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  return { publicKeyPem: publicKey, privateKeyPem: privateKey }
}

/** For tests anywhere in the repo: real HTTP on 127.0.0.1, port chosen by the system. */
export async function startMocks(): Promise<RunningMocks> {
  const appKeys = generateRsaKeyPair()
  const platformKeys = generateRsaKeyPair()
  const options: MocksOptions = {
    wechat: {
      appId: DEV_CREDENTIALS.wechatAppId,
      appSecret: DEV_CREDENTIALS.wechatAppSecret,
      noticeTemplateId: DEV_CREDENTIALS.wechatNoticeTemplateId,
    },
    alipay: {
      appId: DEV_CREDENTIALS.alipayAppId,
      appPublicKeyPem: appKeys.publicKeyPem,
      platformPrivateKeyPem: platformKeys.privateKeyPem,
      noticeTemplateId: DEV_CREDENTIALS.alipayNoticeTemplateId,
      aesKey: DEV_CREDENTIALS.alipayAesKey,
    },
    cityapp: { clientId: DEV_CREDENTIALS.cityAppClientId, clientSecret: DEV_CREDENTIALS.cityAppClientSecret },
    sms: {
      accessKeyId: DEV_CREDENTIALS.smsAccessKeyId,
      accessKeySecret: DEV_CREDENTIALS.smsAccessKeySecret,
      signName: DEV_CREDENTIALS.smsSignName,
      templateCode: DEV_CREDENTIALS.smsTemplateCode,
      staffTemplateCode: DEV_CREDENTIALS.smsStaffTemplateCode,
    },
    llm: { ...LLM_DEV_CREDENTIALS },
    s3: {
      accessKeyId: DEV_CREDENTIALS.s3AccessKeyId,
      secretAccessKey: DEV_CREDENTIALS.s3SecretAccessKey,
      region: DEV_CREDENTIALS.s3Region,
      buckets: [DEV_CREDENTIALS.s3Bucket],
    },
    // the API's port is known only once it listens: a test registers the webhook then (PUT /__mocks/heating/webhook)
    heating: { appKey: DEV_CREDENTIALS.heatingAppKey, appSecret: DEV_CREDENTIALS.heatingAppSecret, webhookSecret: DEV_CREDENTIALS.heatingWebhookSecret, webhookUrl: null },
  }
  const app = buildMocks(options)
  const baseUrl = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '')

  async function control(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${baseUrl}/__mocks${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    })
    if (!response.ok) throw new Error(`mocks control ${method} ${path} answered ${response.status}: ${await response.text()}`)
    return response
  }

  return {
    baseUrl,
    options,
    alipayClientKeys: { appPrivateKeyPem: appKeys.privateKeyPem, alipayPublicKeyPem: platformKeys.publicKeyPem },
    async calls(platform) {
      const query = platform === undefined ? '' : `?platform=${platform}`
      const { calls } = (await (await control('GET', `/calls${query}`)).json()) as { calls: JournalEntry[] }
      return calls
    },
    async clearCalls() {
      await control('DELETE', '/calls')
    },
    async injectFault(fault) {
      await control('POST', '/faults', fault)
    },
    async issueCode(request) {
      const { code } = (await (await control('POST', '/codes', request)).json()) as { code: string }
      return code
    },
    async optOut(request) {
      await control('POST', '/opt-outs', request)
    },
    async s3Objects() {
      const { objects } = (await (await control('GET', '/s3/objects')).json()) as { objects: ObjectSummary[] }
      return objects
    },
    async revokeTokens() {
      await control('DELETE', '/tokens')
    },
    async alipayPhoneNumber(name) {
      const response = await fetch(`${baseUrl}/alipay/__dev/phone-number?${new URLSearchParams({ name })}`)
      if (!response.ok) throw new Error(`mocks phone-number for ${name} answered ${response.status}`)
      return (await response.json()) as SealedPhoneNumber
    },
    close: () => app.close(),
  }
}
