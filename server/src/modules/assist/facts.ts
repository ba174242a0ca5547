import { NUMBER_CHARS, parseChineseNumber } from './chinese-number'

/** What a handler looks for first in a letter, pulled out so the workbench can show it at a glance. */
export interface ExtractedFacts {
  /** sums of money, in yuan: 两千三百块 -> 2300 */
  amounts: { text: string; yuan: number }[]
  /** dates and times as written: 2023年5月, 三月份, 去年底, 上个月 */
  dates: string[]
  /** building, unit and room numbers: 3号楼, 2单元, 1201室 */
  buildings: string[]
  /** named companies, shops and organisations: 某某置业有限公司, “麦香园” */
  companies: string[]
}

const N = `[${NUMBER_CHARS}]`
const NUMBER_RUN = new RegExp(`${N}+`, 'g')
// 多/来/余 make it approximate but still an amount
const CURRENCY_AFTER = /^(多|来|余)?(万元|万块|块钱|元|块)/
// a large number with no currency is money unless it counts something else (people, land, days)
const COUNTER_AFTER = /^(多|来|余)?[人户亩平个次吨斤里米字天年月号岁只头辆间套楼层时分名位家张条周期]/
const SMALL = '[0-9一二三四五六七八九十两]'
const DATE = new RegExp(
  [
    `(?:${N}{2,4}年)(?:${SMALL}{1,3}月(?:份)?)?(?:${SMALL}{1,3}[日号])?`,
    `${SMALL}{1,3}月(?:份)?(?:${SMALL}{1,3}[日号])?(?:[以之]?[前后底初中])?`,
    '(?:去年|前年|今年|明年)(?:底|初|年底|年初)?',
    '(?:上个?月|这个?月|上周|上星期|上礼拜|昨天|前天|大前天|春节(?:前|后|以后|以前)?|过年(?:前|后|以后)?|国庆(?:前|后)?|年底|年初|腊月)',
  ].join('|'),
  'g',
)
const BUILDING = new RegExp(`${SMALL}{1,3}(?:号楼|栋|幢|号院|单元)|[0-9]{3,4}(?:室|房间)`, 'g')
const COMPANY = /([\u4e00-\u9fa5A-Za-z0-9]{2,16}?(?:有限责任公司|股份有限公司|有限公司|集团|置业|地产|物业公司|劳务公司|建筑公司|科技公司|会所|中介))/g
const QUOTED = /[“"「]([^”"」]{2,15})[”"」]/g
// what comes before a company's name in a sentence, cut off so only the name is left
const LEAD_IN = /^.*[在是叫给的被跟和找家了个一那这到向与让]/
const GENERIC = new Set(['物业公司', '劳务公司', '建筑公司', '科技公司', '会所', '中介', '集团', '有限公司', '地产', '置业'])

const unique = <T>(list: T[]) => [...new Set(list)]

export function extractFacts(text: string): ExtractedFacts {
  const amounts: ExtractedFacts['amounts'] = []
  for (const m of text.matchAll(NUMBER_RUN)) {
    const run = m[0]
    const after = text.slice(m.index + run.length)
    const currency = CURRENCY_AFTER.exec(after)
    const large = /[千仟万亿]/.test(run) && !COUNTER_AFTER.test(after)
    if (!currency && !large) continue
    const base = parseChineseNumber(run)
    if (base === null || base === 0) continue
    const suffix = currency?.[0] ?? /^(多|来|余)/.exec(after)?.[0] ?? ''
    amounts.push({ text: run + suffix, yuan: Math.round(base * (currency?.[2]?.startsWith('万') ? 10_000 : 1)) })
  }
  const companies = [
    ...[...text.matchAll(COMPANY)].map((m) => m[1]!.replace(LEAD_IN, '')),
    ...[...text.matchAll(QUOTED)].map((m) => m[1]!),
  ].filter((name) => name.length >= 2 && !GENERIC.has(name))
  return {
    amounts,
    dates: unique([...text.matchAll(DATE)].map((m) => m[0])),
    buildings: unique([...text.matchAll(BUILDING)].map((m) => m[0])),
    companies: unique(companies),
  }
}
