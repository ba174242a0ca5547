import { devPhoneNumber } from '@xinfang/mocks/dev-identities'
import { describe, expect, it } from 'vitest'
import { failureOf, useMocks } from './adapter-test-kit'
import { createWechatPhoneClient } from './wechat-phone'
import { createWechatServerApi, type WechatServerApi } from './wechat-server-api'

const mocksOf = useMocks()

const serverApi = () =>
  createWechatServerApi({
    baseUrl: `${mocksOf().baseUrl}/wechat`,
    appId: mocksOf().options.wechat.appId,
    appSecret: mocksOf().options.wechat.appSecret,
    timeoutMs: 2000,
    retries: 1,
  })

describe('WeChat phone number (getuserphonenumber)', () => {
  it('trades a phone code for the number WeChat verified, in the platform format', async () => {
    expect(await createWechatPhoneClient(serverApi()).phoneNumber('dev-phone:alice')).toEqual({ phone: devPhoneNumber('alice') })
    const call = (await mocksOf().calls('wechat')).at(-1)
    expect(call).toMatchObject({ method: 'POST', path: '/wechat/wxa/business/getuserphonenumber', query: { access_token: '[redacted]' }, body: { code: 'dev-phone:alice' } })
  })

  it('calls a spent code and an unknown one a rejection (40029)', async () => {
    const client = createWechatPhoneClient(serverApi())
    await client.phoneNumber('dev-phone:bob')
    expect(await failureOf(client.phoneNumber('dev-phone:bob'))).toMatchObject({ kind: 'rejected', detail: { errcode: 40029 } })
    expect(await failureOf(client.phoneNumber('0a1b2c3d4e5f'))).toMatchObject({ kind: 'rejected', detail: { errcode: 40029 } })
  })

  it('fetches a new token once when WeChat no longer takes the cached one', async () => {
    const client = createWechatPhoneClient(serverApi())
    await client.phoneNumber('dev-phone:carol:1')
    await mocksOf().revokeTokens()
    expect(await client.phoneNumber('dev-phone:carol:2')).toEqual({ phone: devPhoneNumber('carol') })
  })

  it('calls a busy WeChat (-1) unavailable, not the resident\'s fault', async () => {
    const client = createWechatPhoneClient(serverApi())
    await client.phoneNumber('dev-phone:dave')
    await mocksOf().injectFault({ platform: 'wechat', mode: 'busy' })
    expect(await failureOf(client.phoneNumber('dev-phone:erin'))).toMatchObject({ kind: 'unavailable', detail: { errcode: -1 } })
  })

  // The one edge no mock can produce: a number watermarked for another app.
  it('refuses a number watermarked for another app', async () => {
    const foreign: WechatServerApi = {
      appId: 'wx-dev-app',
      postForImage: () => Promise.reject(new Error('not used')),
      post: async () => ({
        errcode: 0,
        errmsg: 'ok',
        body: { phone_info: { phoneNumber: '13800000000', purePhoneNumber: '13800000000', countryCode: '86', watermark: { timestamp: 1, appid: 'wx-other-app' } } },
      }),
    }
    expect(await failureOf(createWechatPhoneClient(foreign).phoneNumber('any'))).toMatchObject({ kind: 'bad_response' })
  })
})
