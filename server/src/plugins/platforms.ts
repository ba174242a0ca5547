import fp from 'fastify-plugin'
import { createAlipayClient } from '../integrations/alipay'
import { createCityAppClient } from '../integrations/cityapp'
import { createWechatClient } from '../integrations/wechat'

export interface Platforms {
  wechat: ReturnType<typeof createWechatClient>
  alipay: ReturnType<typeof createAlipayClient>
  cityapp: ReturnType<typeof createCityAppClient>
}

declare module 'fastify' {
  interface FastifyInstance {
    platforms: Platforms
  }
}

/** One adapter per outside platform, configured here; nothing else knows what is behind them. */
export default fp(
  async (fastify) => {
    const { wechat, alipay, cityapp, integrations } = fastify.config
    fastify.decorate('platforms', {
      wechat: createWechatClient({ ...wechat, ...integrations }),
      alipay: createAlipayClient({ ...alipay, ...integrations }),
      cityapp: createCityAppClient({ ...cityapp, ...integrations }),
    })
  },
  { name: 'platforms', dependencies: ['config'] },
)
