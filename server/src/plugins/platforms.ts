import fp from 'fastify-plugin'
import { createAlipayClient } from '../integrations/alipay'
import { createAlipayPhoneClient, type AlipayPhoneClient } from '../integrations/alipay-phone'
import { createAlipayQrcodeClient, type AlipayQrcodeClient } from '../integrations/alipay-qrcode'
import { createAlipayTemplateMessageClient } from '../integrations/alipay-template-message'
import { createAliyunSmsClient } from '../integrations/aliyun-sms'
import { createCityAppClient } from '../integrations/cityapp'
import { createCityAppPushClient } from '../integrations/cityapp-push'
import { createHeatingCompanyClient, type HeatingCompanyClient } from '../integrations/heating-company'
import type { NoticeChannel } from '../integrations/notice-delivery'
import { createWechatClient } from '../integrations/wechat'
import { createWechatPhoneClient, type WechatPhoneClient } from '../integrations/wechat-phone'
import { createWechatServerApi } from '../integrations/wechat-server-api'
import { createWechatSubscribeClient, type MiniprogramState } from '../integrations/wechat-subscribe'
import { createWechatWxacodeClient, type WechatWxacodeClient, type WxacodeEnvVersion } from '../integrations/wechat-wxacode'

export interface Platforms {
  wechat: ReturnType<typeof createWechatClient>
  alipay: ReturnType<typeof createAlipayClient>
  cityapp: ReturnType<typeof createCityAppClient>
  /** 郑州热力集团's work-order system: the heating zone's cases go there directly */
  heating: HeatingCompanyClient
  /** Where notices to residents go: each login platform's own message channel, and SMS for everyone. */
  notices: Record<'wechat' | 'alipay' | 'cityapp' | 'sms', NoticeChannel>
  /** Codes that open a mini-program page: WeChat's as image bytes, Alipay's as a hosted image URL. */
  qrcodes: {
    weapp: WechatWxacodeClient['getUnlimited']
    alipay: AlipayQrcodeClient['create']
  }
  /** Phone numbers the platform vouches for, from each mini-program's phone-number button. */
  phones: {
    wechat: WechatPhoneClient['phoneNumber']
    alipay: AlipayPhoneClient['phoneNumber']
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    platforms: Platforms
  }
}

// The same build choice in WeChat's two vocabularies: subscribe/send's and the code API's.
const ENV_VERSIONS: Record<MiniprogramState, WxacodeEnvVersion> = { formal: 'release', trial: 'trial', developer: 'develop' }

/** One adapter per outside platform, configured here; nothing else knows what is behind them. */
export default fp(
  async (fastify) => {
    const { wechat, alipay, cityapp, heating, notices, integrations } = fastify.config
    // one access token for every server-side WeChat call: each fetch of a new one retires the last
    const wechatApi = createWechatServerApi({ ...wechat, ...integrations })
    fastify.decorate('platforms', {
      wechat: createWechatClient({ ...wechat, ...integrations }),
      alipay: createAlipayClient({ ...alipay, ...integrations }),
      cityapp: createCityAppClient({ ...cityapp, ...integrations }),
      heating: createHeatingCompanyClient({ ...heating, ...integrations }),
      notices: {
        wechat: createWechatSubscribeClient({ api: wechatApi, templateId: notices.wechatTemplateId, miniprogramState: notices.wechatMiniprogramState }),
        alipay: createAlipayTemplateMessageClient({ ...alipay, ...integrations, userTemplateId: notices.alipayTemplateId }),
        cityapp: createCityAppPushClient({ ...cityapp, ...integrations }),
        sms: createAliyunSmsClient({ ...notices.sms, ...integrations }),
      },
      // the adapters are closures without `this`, so their methods can be handed out alone
      qrcodes: {
        weapp: createWechatWxacodeClient({ api: wechatApi, envVersion: ENV_VERSIONS[notices.wechatMiniprogramState] }).getUnlimited,
        alipay: createAlipayQrcodeClient({ ...alipay, ...integrations }).create,
      },
      phones: {
        wechat: createWechatPhoneClient(wechatApi).phoneNumber,
        alipay: createAlipayPhoneClient({ aesKey: alipay.aesKey, alipayPublicKeyPem: alipay.alipayPublicKeyPem }).phoneNumber,
      },
    })
  },
  { name: 'platforms', dependencies: ['config'] },
)
