import { STATUS_LABELS, type CaseStatus } from '@xinfang/shared/case-status'
import { isUnitCode, unitName } from '@xinfang/shared/catalog'
import { categoryOf } from '@xinfang/shared/categories'
import { maskIdNumber, maskPhone } from '@xinfang/shared/masking'
import { fullPlaceName } from '@xinfang/shared/places'
import { formatTrackingNo } from '@xinfang/shared/tracking-number'
import type { LoadedCase } from '../cases/case-facts'
import type { ExtractedFacts } from './facts'

/** The facts of a case a draft is written from: nothing a resident did not write or the office did not decide. */
export interface CaseBrief {
  trackingNo: string
  title: string
  /** the resident's words with phone and ID numbers masked: this text may leave for an outside model */
  content: string
  registeredOn: string
  status: string
  category: string | null
  place: string | null
  /** the handling unit (the lead), else the first assigned */
  unit: string
  facts: ExtractedFacts
}

const MOBILE_IN_TEXT = /1[3-9]\d{9}/g
const ID_IN_TEXT = /\d{17}[\dXx]/g

/** Phone and ID numbers in free text, masked as lists mask them. */
export const maskPiiInText = (text: string): string => text.replace(ID_IN_TEXT, (id) => maskIdNumber(id)).replace(MOBILE_IN_TEXT, (m) => maskPhone(m))

const chinaDate = (d: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(d)

export function caseBrief({ row, assignments }: LoadedCase, facts: ExtractedFacts): CaseBrief {
  const lead = assignments.find((a) => a.role === 'lead') ?? assignments[0]
  const place = row.streetCode ?? row.regionCode
  return {
    trackingNo: formatTrackingNo(row.trackingNo),
    title: row.title,
    content: maskPiiInText(row.content),
    registeredOn: chinaDate(row.registeredAt),
    status: STATUS_LABELS[row.status as CaseStatus] ?? row.status,
    category: row.category ? (categoryOf(row.category)?.name ?? null) : null,
    place: place ? fullPlaceName(place) : null,
    unit: lead && isUnitCode(lead.unitCode) ? unitName(lead.unitCode) : '承办单位',
    facts,
  }
}

export const today = (now: Date) => chinaDate(now)

/** The brief as lines, for a prompt and for the summary template alike. */
export function briefLines(brief: CaseBrief): string[] {
  const { amounts, dates, buildings, companies } = brief.facts
  return [
    `编号：${brief.trackingNo}`,
    `登记日期：${brief.registeredOn}`,
    `状态：${brief.status}`,
    `类别：${brief.category ?? '未选择'}`,
    `属地：${brief.place ?? '未填写'}`,
    `承办单位：${brief.unit}`,
    ...(amounts.length ? [`涉及金额：${amounts.map((a) => `${a.text}（${a.yuan}元）`).join('、')}`] : []),
    ...(dates.length ? [`提到的时间：${dates.join('、')}`] : []),
    ...(buildings.length ? [`楼栋房号：${buildings.join('、')}`] : []),
    ...(companies.length ? [`涉及单位：${companies.join('、')}`] : []),
    `标题：${brief.title}`,
    `来信内容：${brief.content}`,
  ]
}
