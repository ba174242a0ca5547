import fp from 'fastify-plugin'
import { createPoller } from '../../lib/poller'
import { createNotificationWorker, type RunSummary } from './notification-worker'

export interface OutboxWorker {
  /** One pass over the due notices; tests call it with the timer off (NOTIFY_POLL_MS=0). */
  runOnce(): Promise<RunSummary>
  /** Send soon rather than at the next tick, e.g. right after a change committed a notice. */
  kick(): void
}

declare module 'fastify' {
  interface FastifyInstance {
    outbox: OutboxWorker
  }
}

/**
 * Notifications to residents and work notices to staff: the worker that empties the outbox the
 * case, co-sign and deadline code fill, polled
 * every `notices.pollMs` from the moment the app is ready until it closes.
 */
export default fp(
  async (fastify) => {
    const { notices } = fastify.config
    const worker = createNotificationWorker({
      db: fastify.db,
      pii: fastify.pii,
      clock: fastify.clock,
      channels: fastify.platforms.notices,
      policy: notices,
      log: fastify.log.child({ module: 'notifications' }),
    })
    const poller = createPoller('notification', () => worker.runOnce(), notices.pollMs, fastify.log)
    fastify.decorate('outbox', { runOnce: () => worker.runOnce(), kick: () => poller.kick() })

    if (notices.pollMs > 0) fastify.addHook('onReady', async () => poller.start())
    // preClose runs before any onClose hook, the database's included: an in-flight pass finishes first
    fastify.addHook('preClose', async () => {
      await poller.stop()
      await worker.idle()
    })
  },
  { name: 'notifications', dependencies: ['config', 'db', 'pii', 'platforms'] },
)
