import type { CategoryCode } from './categories'
import type { UnitCode, ZoneCode } from './catalog'
import type { ClockName } from './deadlines'

/**
 * The four livelihood zones (民生专区) as data: what each asks the resident, which clock a case
 * carries, who leads it and who stands beside the lead. The form, the API's checks
 * (zone-form-check.ts), `GET /zones` and dispatch all read this table; nothing branches on a
 * zone's code elsewhere.
 */

/** What the resident wants decides the clock: a question is answered within the hour, a problem within 3 working days. */
export const ZONE_ASKS = {
  consult: { label: '咨询', triage: 'simple' },
  policy: { label: '政策解答', triage: 'simple' },
  progress: { label: '进度查询', triage: 'simple' },
  problem: { label: '反映问题，需要办理', triage: 'complex' },
} as const
export type ZoneAsk = keyof typeof ZONE_ASKS
export const ZONE_ASK_CODES = Object.keys(ZONE_ASKS) as ZoneAsk[]

export const ZONE_TRIAGES = {
  simple: { clock: 'zoneSimple', label: '简单诉求', promise: '1小时内答复' },
  complex: { clock: 'zoneComplex', label: '复杂诉求', promise: '3个工作日内答复' },
} as const satisfies Record<string, { clock: ClockName; label: string; promise: string }>
export type ZoneTriage = keyof typeof ZONE_TRIAGES

export const triageOf = (ask: ZoneAsk | null | undefined): ZoneTriage => (ask ? ZONE_ASKS[ask].triage : 'complex')

/**
 * One field of a zone's form. `project` and `station` pick from the housing projects and heat
 * stations the API lists; `choice` from `options`, whose `category` routes the case.
 */
export const ZONE_FIELD_KINDS = ['text', 'choice', 'date', 'month', 'amount', 'count', 'temperature', 'project', 'station'] as const
export type ZoneFieldKind = (typeof ZONE_FIELD_KINDS)[number]

export interface ZoneFieldOption {
  code: string
  label: string
  /** the problem category, and so the handling unit, this answer means */
  category?: CategoryCode
}

export interface ZoneField {
  key: string
  label: string
  kind: ZoneFieldKind
  required: boolean
  hint?: string
  options?: readonly ZoneFieldOption[]
  /** text: at most this many characters */
  maxLength?: number
  /** numbers: the range accepted */
  min?: number
  max?: number
  /** text: what the value must look like, and what to tell a resident when it does not */
  pattern?: { source: string; message: string }
  /** dates: no later than today */
  notFuture?: boolean
  /** dates: not before the date in this other field */
  notBefore?: string
}

export interface ZoneRule {
  code: ZoneCode
  name: string
  /** one line under the zone's name on the home page */
  intro: string
  lead: UnitCode
  /** who is accountable beside the lead (一案双交): the case's own district petition office */
  second: 'region_office'
  /** the category a case takes when no answer on its form names one */
  category: CategoryCode
  fields: readonly ZoneField[]
  /** the case form's own fields this zone cannot do without */
  requires: readonly ('address' | 'region')[]
  /** wages: this many co-workers owed or more are offered a joint complaint instead of one each */
  jointFrom?: number
  /** the lead unit's own system takes the zone's cases at once (heating: the company's work orders) */
  directLink?: 'heating'
  /** what the zone's statistics count its cases by: the housing project, the employer, the heat station, the matter */
  countBy: { field: string; label: string }
}

const TEXT_SHORT = 60

export const ZONE_RULES: Record<ZoneCode, ZoneRule> = {
  housing: {
    code: 'housing',
    name: '楼盘交付',
    intro: '逾期交房、办证难、房屋质量、物业问题',
    lead: 'housing',
    second: 'region_office',
    category: 'housing_delivery',
    requires: ['region'],
    countBy: { field: 'projectId', label: '楼盘' },
    fields: [
      { key: 'projectId', label: '楼盘', kind: 'project', required: true, hint: '在售楼处扫码进入时已选好' },
      { key: 'building', label: '楼栋', kind: 'text', required: true, maxLength: 20, hint: '例如 3号楼' },
      { key: 'unitNo', label: '单元和房号', kind: 'text', required: false, maxLength: 20, hint: '例如 2单元1201' },
      { key: 'deliveryDate', label: '合同约定交付日期', kind: 'date', required: false },
      {
        key: 'matter',
        label: '反映事项',
        kind: 'choice',
        required: true,
        options: [
          { code: 'overdue', label: '交付逾期', category: 'housing_delivery' },
          { code: 'certificate', label: '办证', category: 'property_certificate' },
          { code: 'quality', label: '质量', category: 'building_quality' },
          { code: 'property', label: '物业', category: 'property_management' },
        ],
      },
    ],
  },
  wages: {
    code: 'wages',
    name: '工资拖欠',
    intro: '农民工工资、工程款拖欠',
    lead: 'hrss',
    second: 'region_office',
    category: 'unpaid_wages',
    requires: ['region'],
    jointFrom: 2,
    countBy: { field: 'employer', label: '欠薪单位' },
    fields: [
      { key: 'employer', label: '欠薪单位', kind: 'text', required: true, maxLength: TEXT_SHORT, hint: '公司或老板的名字' },
      { key: 'site', label: '工地或项目', kind: 'text', required: true, maxLength: TEXT_SHORT },
      { key: 'periodFrom', label: '欠薪开始月份', kind: 'month', required: true, notFuture: true },
      { key: 'periodTo', label: '欠薪截止月份', kind: 'month', required: true, notFuture: true, notBefore: 'periodFrom' },
      { key: 'amountOwed', label: '欠薪金额（元）', kind: 'amount', required: true, min: 1, max: 100_000_000 },
      { key: 'coworkers', label: '一起被欠薪的工友人数', kind: 'count', required: false, min: 0, max: 10_000, hint: '不含自己；几位工友一起被欠薪，可以发起联名' },
    ],
  },
  legal: {
    code: 'legal',
    name: '政法服务',
    intro: '法律援助、调解、执行、公证、户籍',
    lead: 'justice',
    second: 'region_office',
    category: 'legal_aid',
    requires: [],
    countBy: { field: 'matter', label: '事项类别' },
    fields: [
      {
        key: 'matter',
        label: '事项类别',
        kind: 'choice',
        required: true,
        options: [
          { code: 'legal_aid', label: '法律援助', category: 'legal_aid' },
          { code: 'mediation', label: '调解', category: 'dispute_mediation' },
          { code: 'enforcement', label: '执行', category: 'court_enforcement' },
          { code: 'notary', label: '公证', category: 'notary' },
          { code: 'hukou', label: '户籍', category: 'household_registration' },
          { code: 'fraud', label: '诈骗报案', category: 'fraud' },
        ],
      },
      {
        key: 'courtCaseNo',
        label: '法院案号',
        kind: 'text',
        required: false,
        maxLength: 40,
        hint: '执行类事项请填写，例如（2025）豫0105执1234号',
      },
    ],
  },
  heating: {
    code: 'heating',
    name: '冬季供暖',
    intro: '暖气不热、停暖、漏水，直接转热力公司',
    lead: 'heating',
    second: 'region_office',
    category: 'heating',
    requires: ['address', 'region'],
    directLink: 'heating',
    countBy: { field: 'stationCode', label: '换热站' },
    fields: [
      { key: 'stationCode', label: '换热站', kind: 'station', required: false, hint: '不知道可以不选，热力公司按地址查' },
      { key: 'indoorTemp', label: '室内温度（℃）', kind: 'temperature', required: true, min: -10, max: 40 },
      { key: 'since', label: '从哪天开始', kind: 'date', required: true, notFuture: true },
      {
        key: 'account',
        label: '供热户号',
        kind: 'text',
        required: false,
        maxLength: 30,
        pattern: { source: '^[A-Za-z0-9-]{4,30}$', message: '「供热户号」只能是字母、数字和短横线，4到30位，见供热合同或缴费单' },
      },
    ],
  },
}

export const zoneRule = (zone: ZoneCode): ZoneRule => ZONE_RULES[zone]

/** The category a filled form names (the chosen matter), or the zone's own. */
export function zoneCategory(rule: ZoneRule, form: Readonly<Record<string, unknown>>): CategoryCode {
  for (const field of rule.fields) {
    const chosen = field.options?.find((o) => o.code === form[field.key])
    if (chosen?.category) return chosen.category
  }
  return rule.category
}
