import type { FastifyBaseLogger } from 'fastify'
import type { Database } from '../../db/database'
import type { DeliveryResult, NoticeChannel } from '../../integrations/notice-delivery'
import type { Clock } from '../../lib/clock'
import { backoffMs, serialPasses, type BackoffPolicy } from '../../lib/poller'
import type { PiiCipher } from '../../lib/pii'
import { quietUntil } from '@xinfang/shared/quiet-hours'
import { caseUpdateOf } from './case-update'
import { createNotificationRepository, type DueNotice, type NoticeChannelName } from './notification-repository'

export interface DeliveryPolicy extends BackoffPolicy {
  batchSize: number
  /** how long claimed notices stay this node's; another node takes them after (this one crashed) */
  leaseMs: number
  /** attempts, all channels together, before a notice is marked failed */
  maxAttempts: number
}

export interface NotificationWorkerDependencies {
  db: Database
  pii: PiiCipher
  clock: Clock
  channels: Record<NoticeChannelName, NoticeChannel>
  policy: DeliveryPolicy
  log: Pick<FastifyBaseLogger, 'warn' | 'error'>
  /** for the jitter; tests may pin it */
  random?: () => number
}

export interface RunSummary {
  sent: number
  retried: number
  failed: number
  /** held back to the end of the recipient's quiet hours */
  deferred: number
}

type Settlement = { status: 'sent'; channel: NoticeChannelName } | { status: 'retry' | 'failed'; channel: NoticeChannelName | null; error: string }

/**
 * Sends what the outbox holds. A pass claims the due rows (pending, next_attempt_at reached,
 * oldest first, one batch) and settles each after its send: sent, retry later with
 * exponential backoff, or failed for good. Passes never overlap: each waits for the one
 * before, which is all the claiming one process needs.
 *
 * Delivery is at least once: a row is settled only after the platform has answered, so a
 * crash mid-send leaves it pending and the next start sends it again. A resident may then
 * get a notice twice; never none.
 *
 * Staff notices take the same path with the staff member's bound mini-program identity (none
 * when they only ever signed in on the H5 workbench: SMS straight away), and wait out their
 * quiet hours: a due row found in them is moved to their end, its attempts untouched.
 */
export function createNotificationWorker({ db, pii, clock, channels, policy, log, random = Math.random }: NotificationWorkerDependencies) {
  const notices = createNotificationRepository(db)

  async function deliver(row: DueNotice): Promise<Settlement> {
    const update = caseUpdateOf(row.caseId, row.audience, row.event, row.payload)
    if (update === null) return { status: 'failed', channel: null, error: 'payload lacks a field the message needs' }
    if (!row.reachable) return { status: 'failed', channel: null, error: 'the staff account is no longer active' }

    const { platform, platformUid, phoneEnc } = row.recipient
    let refusal = ''
    // a platform that refused once is not asked again: the row remembers it goes by SMS now
    if (row.channel !== 'sms' && platform !== null && platformUid !== null) {
      const result = await channels[platform].send(platformUid, update)
      if (result.outcome !== 'refused') return settlementOf(platform, result)
      refusal = `${result.reason}; `
    }
    if (phoneEnc === null) return { status: 'failed', channel: platform, error: `${refusal}no phone number to ${platform === null ? 'send to' : 'fall back to'}` }
    const result = await channels.sms.send(pii.decrypt(phoneEnc), update)
    return result.outcome === 'refused' ? { status: 'failed', channel: 'sms', error: `${refusal}${result.reason}` } : settlementOf('sms', result)
  }

  async function settle(row: DueNotice, settlement: Settlement, summary: RunSummary): Promise<void> {
    const attempts = row.attempts + 1
    const now = clock.now()
    if (settlement.status === 'sent') {
      await notices.markSent(row.id, settlement.channel, now, attempts)
      summary.sent += 1
    } else if (settlement.status === 'retry' && attempts < policy.maxAttempts) {
      await notices.markRetry(row.id, { channel: settlement.channel, attempts, nextAttemptAt: new Date(now.getTime() + backoffMs(policy, attempts, random)), lastError: settlement.error })
      summary.retried += 1
      log.warn({ notificationId: row.id, attempts, error: settlement.error }, 'notice not sent, will retry')
    } else {
      await notices.markFailed(row.id, { channel: settlement.channel, attempts, lastError: settlement.error })
      summary.failed += 1
      log.error({ notificationId: row.id, attempts, error: settlement.error }, 'notice given up on; it stays in the table as failed')
    }
  }

  async function pass(): Promise<RunSummary> {
    const summary: RunSummary = { sent: 0, retried: 0, failed: 0, deferred: 0 }
    // claimed, not just read: another API node running its own worker skips these rows
    for (const row of await notices.claimDue(clock.now(), policy.batchSize, policy.leaseMs)) {
      // checked at send time, not when written: a backoff may land in the night, a setting may have changed
      const until = row.quietHours && quietUntil(clock.now(), row.quietHours)
      if (until) {
        await notices.defer(row.id, until)
        summary.deferred += 1
        continue
      }
      let settlement: Settlement
      try {
        settlement = await deliver(row)
      } catch (error) {
        // a bug or an unreadable phone number must not stop the rest of the batch
        log.error({ err: error, notificationId: row.id }, 'sending a notice threw')
        settlement = { status: 'retry', channel: row.channel as NoticeChannelName | null, error: `internal: ${error instanceof Error ? error.message : String(error)}` }
      }
      await settle(row, settlement, summary)
    }
    return summary
  }

  // runOnce: one pass over the due rows, after any pass already running
  return serialPasses(pass)
}

function settlementOf(channel: NoticeChannelName, result: Exclude<DeliveryResult, { outcome: 'refused' }>): Settlement {
  return result.outcome === 'sent' ? { status: 'sent', channel } : { status: 'retry', channel, error: result.reason }
}

export type NotificationWorker = ReturnType<typeof createNotificationWorker>
