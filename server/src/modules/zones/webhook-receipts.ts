import { and, eq, lt } from 'drizzle-orm'
import type { Database, Q } from '../../db/database'

/** Nonces and event ids of webhooks taken, so a replayed or repeated one changes nothing. */
export function createWebhookReceipts(db: Database, q: Q = db.q) {
  const { webhookNonces, webhookEvents } = db.tables
  return {
    /** false when this nonce was seen already: the request is a replay */
    async takeNonce(source: string, nonce: string, at: Date): Promise<boolean> {
      return (await q.insert(webhookNonces).values({ source, nonce, seenAt: at }).onConflictDoNothing().returning({ nonce: webhookNonces.nonce })).length > 0
    },
    async seenEvent(source: string, eventId: string): Promise<boolean> {
      return (await q.select({ eventId: webhookEvents.eventId }).from(webhookEvents).where(and(eq(webhookEvents.source, source), eq(webhookEvents.eventId, eventId)))).length > 0
    },
    async recordEvent(source: string, eventId: string, caseId: string, at: Date): Promise<void> {
      await q.insert(webhookEvents).values({ source, eventId, caseId, receivedAt: at })
    },
    /** Nonces older than any timestamp still accepted can go: a replay of them fails the clock check. */
    async pruneNonces(before: Date): Promise<void> {
      await q.delete(webhookNonces).where(lt(webhookNonces.seenAt, before))
    },
  }
}
