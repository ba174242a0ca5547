import { and, asc, eq, inArray, lte } from 'drizzle-orm'
import type { Database, Q } from '../../db/database'
import type { Tables } from '../../db/schema/definition'
import { newTimeOrderedId } from '../../lib/ids'

export type OutboundTarget = 'heating'
export type OutboundRow = Tables['outboundPushes']['$inferSelect']

/**
 * The outbox of pushes to outside systems. Enqueueing only inserts a row, so it belongs in the
 * transaction of the change it carries: the push exists exactly when the change does. Every
 * settling update is guarded by `status = 'pending'`: a settled row is never touched again.
 */
export function createOutboundRepository(db: Database, q: Q = db.q) {
  const { outboundPushes: pushes } = db.tables
  const pending = (id: string) => and(eq(pushes.id, id), eq(pushes.status, 'pending'))
  return {
    async enqueue(target: OutboundTarget, caseId: string, payload: Record<string, unknown>, at: Date): Promise<void> {
      await db.insertRows(q, pushes, [{ id: newTimeOrderedId('o', at), target, caseId, payload, status: 'pending', attempts: 0, nextAttemptAt: at, createdAt: at }])
    },

    /** Due rows, oldest first, leased for `leaseMs` so no other node sends them meanwhile (see the notification outbox). */
    async claimDue(now: Date, limit: number, leaseMs: number): Promise<OutboundRow[]> {
      return db.transaction(async (tx) => {
        const ids = await db.skipLocked(
          tx.select({ id: pushes.id }).from(pushes).where(and(eq(pushes.status, 'pending'), lte(pushes.nextAttemptAt, now))).orderBy(asc(pushes.createdAt), asc(pushes.id)).limit(limit).$dynamic(),
        )
        if (ids.length === 0) return []
        const claimed = ids.map((r) => r.id)
        await tx.update(pushes).set({ nextAttemptAt: new Date(now.getTime() + leaseMs) }).where(inArray(pushes.id, claimed))
        return tx.select().from(pushes).where(inArray(pushes.id, claimed)).orderBy(asc(pushes.createdAt), asc(pushes.id))
      })
    },

    async markSent(id: string, externalRef: string, at: Date, attempts: number): Promise<boolean> {
      const settled = await q.update(pushes).set({ status: 'sent', externalRef, sentAt: at, attempts, lastError: null }).where(pending(id)).returning({ id: pushes.id })
      return settled.length > 0
    },
    async markRetry(id: string, attempts: number, nextAttemptAt: Date, lastError: string): Promise<void> {
      await q.update(pushes).set({ attempts, nextAttemptAt, lastError }).where(pending(id))
    },
    async markFailed(id: string, attempts: number, lastError: string): Promise<void> {
      await q.update(pushes).set({ status: 'failed', attempts, lastError }).where(pending(id))
    },

    /** The push of `target` for a case, whatever its state: what a webhook about it is checked against. */
    async ofCase(target: OutboundTarget, caseId: string): Promise<OutboundRow | null> {
      return (await q.select().from(pushes).where(and(eq(pushes.caseId, caseId), eq(pushes.target, target))).orderBy(asc(pushes.createdAt)).limit(1))[0] ?? null
    },
  }
}

export type OutboundRepository = ReturnType<typeof createOutboundRepository>
