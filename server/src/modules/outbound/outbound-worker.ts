import type { FastifyBaseLogger } from 'fastify'
import type { PushResult } from '../../integrations/heating-company'
import { backoffMs, serialPasses, type BackoffPolicy } from '../../lib/poller'
import type { CaseContext } from '../cases/case-context'
import type { OutboundRow, OutboundTarget } from './outbound-repository'

export interface OutboundPolicy extends BackoffPolicy {
  batchSize: number
  leaseMs: number
  maxAttempts: number
}

/** How one outside system takes a push, and what the case records once it has. */
export interface OutboundDelivery {
  deliver(row: OutboundRow): Promise<PushResult>
  /** In the transaction that settles the row as sent: the timeline row saying so. */
  delivered(ctx: CaseContext, row: OutboundRow, externalRef: string): Promise<void>
  /** In the transaction that gives the row up: the timeline row telling the holders to act by hand. */
  abandoned(ctx: CaseContext, row: OutboundRow, reason: string): Promise<void>
}

export interface OutboundSummary {
  sent: number
  retried: number
  failed: number
}

/**
 * Delivers what the outbound outbox holds, as the notification worker does its notices: a pass
 * claims the due rows and settles each after the outside system has answered (sent, retry with
 * exponential backoff and jitter, or failed for good). At least once: a crash mid-send leaves the
 * row pending, and the outside system is asked again with the same external id, which it answers
 * with the order it already made. Passes never overlap; within one, the batch is sent at once.
 */
export function createOutboundWorker({ ctx, deliveries, policy, log, random = Math.random }: { ctx: CaseContext; deliveries: Record<OutboundTarget, OutboundDelivery>; policy: OutboundPolicy; log: Pick<FastifyBaseLogger, 'warn' | 'error'>; random?: () => number }) {
  // settled through the group commit: a batch's rows, and submissions arriving meanwhile, share one commit
  const inTransaction = (work: (tx: CaseContext) => Promise<void>) => ctx.writes.run((q) => work(ctx.within(q)))

  async function settle(row: OutboundRow, result: PushResult, summary: OutboundSummary): Promise<void> {
    const attempts = row.attempts + 1
    const now = ctx.clock.now()
    const delivery = deliveries[row.target as OutboundTarget]
    if (result.outcome === 'sent') {
      await inTransaction(async (tx) => {
        if (await tx.outbound.markSent(row.id, result.externalRef, now, attempts)) await delivery.delivered(tx, row, result.externalRef)
      })
      summary.sent += 1
    } else if (result.outcome === 'retry' && attempts < policy.maxAttempts) {
      await ctx.outbound.markRetry(row.id, attempts, new Date(now.getTime() + backoffMs(policy, attempts, random)), result.reason)
      summary.retried += 1
      log.warn({ pushId: row.id, target: row.target, attempts, error: result.reason }, 'push not delivered, will retry')
    } else {
      await inTransaction(async (tx) => {
        await tx.outbound.markFailed(row.id, attempts, result.reason)
        await delivery.abandoned(tx, row, result.reason)
      })
      summary.failed += 1
      log.error({ pushId: row.id, target: row.target, attempts, error: result.reason }, 'push given up on; the case says so on its timeline')
    }
  }

  async function deliver(row: OutboundRow): Promise<PushResult> {
    try {
      return await deliveries[row.target as OutboundTarget].deliver(row)
    } catch (error) {
      // a bug in one push must not stop the rest of the batch
      log.error({ err: error, pushId: row.id }, 'delivering a push threw')
      return { outcome: 'retry', reason: `internal: ${error instanceof Error ? error.message : String(error)}` }
    }
  }

  /** A batch goes out at once, each push its own request: one slow answer holds up no other. */
  async function pass(): Promise<OutboundSummary> {
    const summary: OutboundSummary = { sent: 0, retried: 0, failed: 0 }
    const claimed = await ctx.outbound.claimDue(ctx.clock.now(), policy.batchSize, policy.leaseMs)
    await Promise.all(claimed.map(async (row) => settle(row, await deliver(row), summary)))
    return summary
  }

  return serialPasses(pass)
}
