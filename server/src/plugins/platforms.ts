import fp from 'fastify-plugin'
import { createAlipayClient } from '../integrations/alipay'
import { createAlipayTemplateMessageClient } from '../integrations/alipay-template-message'
import { createAliyunSmsClient } from '../integrations/aliyun-sms'
import { createCityAppClient } from '../integrations/cityapp'
import { createCityAppPushClient } from '../integrations/cityapp-push'
import type { NoticeChannel } from '../integrations/notice-delivery'
import { createWechatClient } from '../integrations/wechat'
import { createWechatSubscribeClient } from '../integrations/wechat-subscribe'

export interface Platforms {
  wechat: ReturnType<typeof createWechatClient>
  alipay: ReturnType<typeof createAlipayClient>
  cityapp: ReturnType<typeof createCityAppClient>
  /** Where notices to residents go: each login platform's own message channel, and SMS for everyone. */
  notices: Record<'wechat' | 'alipay' | 'cityapp' | 'sms', NoticeChannel>
}

declare module 'fastify' {
  interface FastifyInstance {
    platforms: Platforms
  }
}

/** One adapter per outside platform, configured here; nothing else knows what is behind them. */
export default fp(
  async (fastify) => {
    const { wechat, alipay, cityapp, notices, integrations } = fastify.config
    fastify.decorate('platforms', {
      wechat: createWechatClient({ ...wechat, ...integrations }),
      alipay: createAlipayClient({ ...alipay, ...integrations }),
      cityapp: createCityAppClient({ ...cityapp, ...integrations }),
      notices: {
        wechat: createWechatSubscribeClient({ ...wechat, ...integrations, templateId: notices.wechatTemplateId, miniprogramState: notices.wechatMiniprogramState }),
        alipay: createAlipayTemplateMessageClient({ ...alipay, ...integrations, userTemplateId: notices.alipayTemplateId }),
        cityapp: createCityAppPushClient({ ...cityapp, ...integrations }),
        sms: createAliyunSmsClient({ ...notices.sms, ...integrations }),
      },
    })
  },
  { name: 'platforms', dependencies: ['config'] },
)
