import { STATUS_LABELS, type CaseStatus } from '@xinfang/shared/case-status'
import type { TimelineAction } from '@xinfang/shared/timeline'
import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import type { CaseContext } from './case-context'
import type { CaseRow, NewEvent } from './case-repository'

/**
 * What residents are told, in plain words, when their case moves. Every change of state is
 * told; of the changes that leave the state alone, only those that ask something of them or
 * change what they were promised.
 */
const NOTICES: Partial<Record<TimelineAction, string>> = {
  accepted: '您的诉求已受理，我们会在法定期限内答复您',
  rejected: '您的诉求不予受理，请查看理由和可以走的途径',
  forwarded: '您的诉求已转送有权处理的机关',
  mediation_started: '工作人员将与您联系，先行调解',
  mediated: '调解成功，您的诉求已办结',
  mediation_failed: '调解未成，已转入信访程序办理',
  assigned: '您的诉求已交办，请查看办理单位',
  objection_upheld: '您的诉求已重新交办给有权处理的单位',
  supervised: '您的诉求已被督办，将加快办理',
  escalated: '您的诉求办理超期，已提请上级督办',
  info_requested: '办理单位请您补充材料，请打开小程序答复',
  extension_approved: '办理期限已依法延长，请查看说明',
  deadlines_recounted: '节假日安排公布后，办理期限已重新计算，请查看',
  replied: '您的诉求已答复，请查看并评价',
  closed: '您的诉求已办结',
  review_accepted: '您的复查申请已受理',
  review_decided: '复查意见已出具，请查看并评价',
  rereview_accepted: '您的复核申请已受理',
  rereview_decided: '复核意见已出具，请查看',
  heating_accepted: '热力公司已接单，维修人员会尽快联系您',
  heating_on_site: '热力公司维修人员已上门',
  heating_fixed: '热力公司报告已修好，请看看暖气热了没有',
  heating_cannot_fix: '热力公司报告暂时修不了，请查看原因',
  heating_push_failed: '您的诉求未能自动转到热力公司，工作人员会电话转办',
}

/**
 * Writes timeline entries and, for those the resident should hear about, a notice in the outbox.
 * Called inside the transaction of the change: the entry and the notice exist exactly when it does.
 */
export async function record(ctx: CaseContext, row: Pick<CaseRow, 'id' | 'ownerId' | 'trackingNo' | 'title' | 'status'>, events: NewEvent[]): Promise<void> {
  await ctx.cases.addEvents(events)
  for (const event of events) {
    const message = NOTICES[event.action as TimelineAction]
    // residents are not told about what they did themselves
    if (!message || event.actorType === 'resident') continue
    await ctx.outbox.enqueue({
      caseId: row.id,
      residentId: row.ownerId,
      event: event.action,
      trackingNo: formatTrackingNo(row.trackingNo),
      title: row.title,
      statusLabel: STATUS_LABELS[row.status as CaseStatus],
      message,
      at: event.at,
    })
  }
}
