import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { SchemaKit } from './kit'

/**
 * What the platform owes outside systems and what it took from them: pushes waiting in an outbox
 * (a heating work order, a grid task), written in the transaction of the change that caused them
 * and delivered with retries; and the webhooks received, so a replayed or repeated one changes
 * nothing.
 */
export function defineOutboundTables(k: SchemaKit, caseId: () => AnyPgColumn) {
  const outboundPushes = k.table(
    'outbound_pushes',
    {
      id: k.text('id').primaryKey(),
      /** the outside system: heating (郑州热力集团's work orders) */
      target: k.text('target').notNull(),
      caseId: k.text('case_id').notNull().references(caseId),
      payload: k.json('payload').$type<Record<string, unknown>>().notNull(),
      status: k.text('status', { enum: ['pending', 'sent', 'failed'] }).notNull(),
      attempts: k.integer('attempts').notNull(),
      /** when the next attempt is due; a claimed row's lease moves it into the future */
      nextAttemptAt: k.time('next_attempt_at').notNull(),
      lastError: k.text('last_error'),
      /** the outside system's own id for what it received (a work-order number) */
      externalRef: k.text('external_ref'),
      createdAt: k.time('created_at').notNull(),
      sentAt: k.time('sent_at'),
    },
    (t) => [
      k.index('outbound_pushes_due').on(t.status, t.nextAttemptAt),
      k.index('outbound_pushes_case').on(t.caseId, t.target),
      k.index('outbound_pushes_ref').on(t.target, t.externalRef),
    ],
  )

  /** A webhook's nonce, kept past the accepted clock skew: the same nonce twice is a replay. */
  const webhookNonces = k.table(
    'webhook_nonces',
    {
      source: k.text('source').notNull(),
      nonce: k.text('nonce').notNull(),
      seenAt: k.time('seen_at').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.source, t.nonce] }), k.index('webhook_nonces_seen').on(t.seenAt)],
  )

  /** A webhook event taken: the same event id again is answered as before and changes nothing. */
  const webhookEvents = k.table(
    'webhook_events',
    {
      source: k.text('source').notNull(),
      eventId: k.text('event_id').notNull(),
      caseId: k.text('case_id').notNull().references(caseId),
      receivedAt: k.time('received_at').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.source, t.eventId] })],
  )

  return { outboundPushes, webhookNonces, webhookEvents }
}
