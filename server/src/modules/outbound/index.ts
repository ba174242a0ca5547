import fp from 'fastify-plugin'
import { createPoller } from '../../lib/poller'
import { heatingDelivery } from '../zones/heating-link'
import { createOutboundWorker, type OutboundSummary } from './outbound-worker'

export interface OutboundPusher {
  /** One pass over the due pushes; tests call it with the timer off (OUTBOUND_POLL_MS=0). */
  runOnce(): Promise<OutboundSummary>
  /** Push soon rather than at the next tick: right after a submission committed one. */
  kick(): void
}

declare module 'fastify' {
  interface FastifyInstance {
    outbound: OutboundPusher
  }
}

/**
 * Pushes to outside systems (the heating company's work orders), from the outbox the case code
 * fills, polled every `outbound.pollMs` from ready to close and kicked after each submission.
 */
export default fp(
  async (fastify) => {
    const { outbound } = fastify.config
    const ctx = fastify.caseContext
    const worker = createOutboundWorker({ ctx, deliveries: { heating: heatingDelivery(ctx, fastify.platforms.heating) }, policy: outbound, log: fastify.log.child({ module: 'outbound' }) })
    const poller = createPoller('outbound', () => worker.runOnce(), outbound.pollMs, fastify.log)
    fastify.decorate('outbound', { runOnce: () => worker.runOnce(), kick: () => poller.kick() })
    if (outbound.pollMs > 0) fastify.addHook('onReady', async () => poller.start())
    fastify.addHook('preClose', async () => {
      await poller.stop()
      await worker.idle()
    })
  },
  { name: 'outbound', dependencies: ['config', 'db', 'platforms', 'case-context'] },
)
