import { createHash, timingSafeEqual } from 'node:crypto'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import fp from 'fastify-plugin'
import { AppError } from '../lib/app-error'
import { createLatencyHistogram } from './latency-histogram'

const digest = (text: string) => createHash('sha256').update(text).digest()

/**
 * GET /metrics in Prometheus's text format: each route's answer times and status classes as
 * the server saw them. Only with METRICS_TOKEN set, and only for a scraper sending it as a
 * bearer token; without it the route does not exist.
 */
export default fp(
  async (fastify) => {
    const token = fastify.config.metricsToken
    if (!token) return
    const histogram = createLatencyHistogram()
    // how long callbacks waited behind whatever held the event loop; reset at each scrape, as prom-client does
    const loopDelay = monitorEventLoopDelay({ resolution: 10 })
    loopDelay.enable()
    fastify.addHook('onClose', async () => loopDelay.disable())
    const loopDelayText = () => {
      const seconds = (ns: number) => (Number.isFinite(ns) ? ns / 1e9 : 0)
      const text = [
        '# HELP xinfang_event_loop_delay_seconds Event loop delay since the previous scrape.',
        '# TYPE xinfang_event_loop_delay_seconds gauge',
        `xinfang_event_loop_delay_seconds{stat="p99"} ${seconds(loopDelay.percentile(99))}`,
        `xinfang_event_loop_delay_seconds{stat="max"} ${seconds(loopDelay.max)}`,
      ]
      loopDelay.reset()
      return `${text.join('\n')}\n`
    }
    const expected = digest(`Bearer ${token}`)
    fastify.addHook('onResponse', (request, reply, done) => {
      histogram.observe(request.method, request.routeOptions.url ?? '(unmatched)', reply.statusCode, reply.elapsedTime)
      done()
    })
    fastify.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (request, reply) => {
      // compared as digests: equal lengths, and no timing hint about the token
      if (!timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) throw new AppError('UNAUTHENTICATED')
      return reply.type('text/plain; version=0.0.4').send(histogram.render() + loopDelayText())
    })
  },
  { name: 'metrics', dependencies: ['config'] },
)
