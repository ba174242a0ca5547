import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { CallJournal, JournalEntry } from './call-journal'
import type { FaultSchedule } from './fault-schedule'
import type { MockPlatform } from './mock-platform'

export interface PlatformScopeDependencies {
  journal: CallJournal
  faults: FaultSchedule
}

// What an overloaded front proxy answers: HTML, not the platform's JSON, so
// adapters must cope with a 5xx body they cannot parse.
const SERVICE_UNAVAILABLE_PAGE =
  '<html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>503 Service Temporarily Unavailable</h1></body></html>'

/** How a platform says, in its own format, that it is too busy to take the request now. */
export type BusyAnswer = (request: FastifyRequest, reply: FastifyReply) => FastifyReply

/** One platform's routes, with every request journaled and exposed to the faults armed for it. */
export function platformScope(
  platform: MockPlatform,
  routes: FastifyPluginAsync,
  { journal, faults }: PlatformScopeDependencies,
  busyAnswer: BusyAnswer,
): FastifyPluginAsync {
  return async (scope) => {
    const entries = new WeakMap<FastifyRequest, JournalEntry>()

    // preHandler rather than onRequest: the body has been parsed by then
    scope.addHook('preHandler', async (request) => {
      const entry = journal.record({
        platform,
        method: request.method,
        path: request.url.split('?')[0] ?? request.url,
        query: request.query,
        body: request.body,
        receivedAt: new Date().toISOString(),
      })
      entries.set(request, entry)
    })

    scope.addHook('preHandler', async (request, reply) => {
      const fault = faults.take(platform)
      if (fault?.mode === 'fail') {
        return reply.code(503).type('text/html; charset=utf-8').send(SERVICE_UNAVAILABLE_PAGE)
      }
      if (fault?.mode === 'busy') return busyAnswer(request, reply)
      if (fault?.mode === 'slow') await stall(fault.delayMs, reply)
    })

    scope.addHook('onResponse', async (request, reply) => {
      const entry = entries.get(request)
      if (entry !== undefined) entry.status = reply.statusCode
    })

    await scope.register(routes)
  }
}

/** Waits, but no longer than the caller does: a client that gave up frees the stall. */
function stall(delayMs: number, reply: FastifyReply): Promise<void> {
  return new Promise((resolve) => {
    const release = (): void => {
      clearTimeout(timer)
      reply.raw.off('close', release)
      resolve()
    }
    const timer = setTimeout(release, delayMs)
    reply.raw.once('close', release)
  })
}
