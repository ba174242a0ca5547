import fp from 'fastify-plugin'
import { backfillMaskedPhones } from './backfill-masked-phones'
import { warnDueSoon } from './due-soon'
import { escalateOverdue } from './escalation'
import { recountProvisionalDeadlines, type RecountSummary } from './recount-deadlines'

declare module 'fastify' {
  interface FastifyInstance {
    jobs: { escalateOverdue(): Promise<number>; warnDueSoon(): Promise<number>; recountProvisionalDeadlines(): Promise<RecountSummary> }
  }
}

/**
 * Timed work. Every `jobs.escalationIntervalMs` (0 turns the timer off; tests call the jobs with
 * a fake clock instead) cases turning due soon are told to their holders and late ones escalated.
 */
export default fp(
  async (fastify) => {
    const ctx = fastify.caseContext
    const jobs = { escalateOverdue: () => escalateOverdue(ctx), warnDueSoon: () => warnDueSoon(ctx), recountProvisionalDeadlines: () => recountProvisionalDeadlines(ctx) }
    fastify.decorate('jobs', jobs)
    // the calendar is loaded by now (holiday-calendar); dates counted before it knew a year are counted again
    fastify.addHook('onReady', async () => {
      const recount = await jobs.recountProvisionalDeadlines()
      if (recount.moved > 0) fastify.log.info(recount, 'deadlines counted again on the holiday calendar as it now stands')
      // in the background: views mask the decrypted phone of a row it has not reached yet
      void backfillMaskedPhones(ctx.db, ctx.pii).then(
        (filled) => filled > 0 && fastify.log.info({ filled }, 'masked contact phones written for cases stored before they were kept'),
        (error) => fastify.log.error({ err: error }, 'masked contact phone backfill stopped; the next start goes on'),
      )
    })
    const every = fastify.config.jobs.escalationIntervalMs
    if (every <= 0) return
    let timer: NodeJS.Timeout | undefined
    fastify.addHook('onReady', async () => {
      let running = false
      timer = setInterval(() => {
        // a slow run is not overlapped by the next tick; other nodes' runs are kept apart by the jobs' lock
        if (running) return
        running = true
        void (async () => {
          try {
            const warned = await jobs.warnDueSoon()
            const escalated = await jobs.escalateOverdue()
            if (warned + escalated > 0) fastify.log.info({ warned, escalated }, 'deadline run: cases due soon told, overdue ones escalated')
          } catch (error) {
            fastify.log.error({ err: error }, 'deadline run failed; the next run retries')
          } finally {
            running = false
          }
        })()
      }, every)
      timer.unref()
    })
    fastify.addHook('onClose', async () => clearInterval(timer))
  },
  { name: 'jobs', dependencies: ['config', 'case-context', 'holiday-calendar'] },
)
