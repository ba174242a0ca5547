import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import { unitName } from '@xinfang/shared/catalog'
import type { HeatingCompanyClient, HeatingWorkOrder } from '../../integrations/heating-company'
import type { CaseContext } from '../cases/case-context'
import { record } from '../cases/case-record'
import type { CaseRow } from '../cases/case-repository'
import type { OutboundDelivery } from '../outbound/outbound-worker'

const COMPANY = unitName('heating')
const reasonInWords = (reason: string) => (reason.length > 80 ? `${reason.slice(0, 80)}…` : reason)

/** A timeline row about a heating case's work order: by the heating company, or by the platform itself. */
export const heatingEvent = (row: Pick<CaseRow, 'id'>, action: string, note: string, at: Date, data: Record<string, unknown>, by: 'company' | 'platform' = 'company') => ({
  caseId: row.id,
  at,
  actorType: 'system' as const,
  actorLabel: by === 'company' ? COMPANY : '系统',
  action,
  note,
  data,
})

/**
 * In the submission's transaction: the heating case waits in the outbox for the company's
 * work-order system, and the resident reads at once that it went there.
 */
export async function forwardToHeating(ctx: CaseContext, row: CaseRow, at: Date): Promise<void> {
  await ctx.outbound.enqueue('heating', row.id, {}, at)
  await record(ctx, row, [heatingEvent(row, 'heating_forwarded', `已转${COMPANY}，等待接单`, at, {}, 'platform')])
}

/** The work order for a case, read when it is sent: the contact phone is decrypted only then, never kept in the outbox. */
async function workOrderOf(ctx: CaseContext, caseId: string): Promise<HeatingWorkOrder | null> {
  const row = await ctx.cases.findById(caseId)
  if (!row) return null
  const form = (await ctx.zones.zoneCaseOf(caseId))?.form ?? {}
  const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string) : null)
  return {
    externalId: row.id,
    trackingNo: formatTrackingNo(row.trackingNo),
    title: row.title,
    content: row.content,
    address: row.address ?? '',
    regionCode: row.regionCode,
    stationCode: text('stationCode'),
    indoorTemp: typeof form.indoorTemp === 'number' ? form.indoorTemp : null,
    since: text('since'),
    account: text('account'),
    // the technician calls the resident; an anonymous case gives the company no number
    contactPhone: row.contactPhoneEnc && !row.anonymous ? ctx.pii.decrypt(row.contactPhoneEnc) : null,
    submittedAt: row.registeredAt.toISOString(),
  }
}

/** How the outbox hands heating cases to the company, and what the case records of it. */
export function heatingDelivery(ctx: CaseContext, company: HeatingCompanyClient): OutboundDelivery {
  return {
    async deliver(push) {
      const order = await workOrderOf(ctx, push.caseId)
      return order ? company.pushWorkOrder(order) : { outcome: 'refused', reason: 'the case no longer exists' }
    },
    async delivered(tx, push, orderNo) {
      const row = await tx.cases.findById(push.caseId)
      if (row) await record(tx, row, [heatingEvent(row, 'heating_received', `${COMPANY}已收到工单（工单号 ${orderNo}），等待接单`, tx.clock.now(), { orderNo })])
    },
    async abandoned(tx, push, reason) {
      const row = await tx.cases.findById(push.caseId)
      if (row) await record(tx, row, [heatingEvent(row, 'heating_push_failed', `工单未能送达${COMPANY}（${reasonInWords(reason)}），请承办人员电话转办`, tx.clock.now(), { reason }, 'platform')])
    },
  }
}
