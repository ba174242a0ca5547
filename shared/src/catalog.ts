// The catalog contract (shared/domain/catalog.md) as typed data. These codes
// are stored in the database and used by dispatch rules and tests: add, never rename.

// Map over a readonly tuple of records to the tuple of their codes, keeping
// order and literal types so TypeBox `Type.Enum(UNIT_CODES)` infers the union.
type CodesOf<T extends readonly { code: string }[]> = {
  readonly [K in keyof T]: T[K] extends { code: infer C } ? C : never
}
const codesOf = <const T extends readonly { code: string }[]>(list: T): CodesOf<T> =>
  list.map((item) => item.code) as unknown as CodesOf<T>

export const UNITS = [
  { code: 'petition', name: '郑州市信访局', matters: '无明确归口事项的分办；对信访事项办理过程的申诉' },
  { code: 'housing', name: '郑州市住房和城乡建设局', matters: '逾期交房、开发商原因办证难、房屋质量、物业服务、维修资金' },
  { code: 'hrss', name: '郑州市人力资源和社会保障局', matters: '拖欠工资、劳动合同、社保缴费、养老金' },
  { code: 'heating', name: '郑州热力集团有限公司', matters: '暖气不热、供暖启停、采暖费、供热管网漏水' },
  { code: 'urban', name: '郑州市城市管理局', matters: '占道经营、违法建设、环境卫生、垃圾清运、路灯、燃气和供水监管' },
  { code: 'police', name: '郑州市公安局', matters: '治安、诈骗报案、户籍、交通管理、娱乐场所夜间噪声' },
  { code: 'justice', name: '郑州市司法局', matters: '法律援助、律师、公证、人民调解、社区矫正' },
  { code: 'court', name: '郑州市中级人民法院', matters: '判决执行、立案和审理迟延' },
  { code: 'ecoenv', name: '郑州市生态环境局', matters: '工厂污染、烟尘异味、施工扬尘、工业噪声' },
  { code: 'market', name: '郑州市市场监督管理局', matters: '消费维权、食品安全、预付卡、价格欺诈、假冒伪劣' },
  { code: 'transport', name: '郑州市交通运输局', matters: '公交、出租车、网约车、客运站、道路货运' },
  { code: 'education', name: '郑州市教育局', matters: '入学、教育收费、培训机构、师德师风' },
  { code: 'health', name: '郑州市卫生健康委员会', matters: '医院服务、医疗纠纷、预防接种、诊所' },
  { code: 'medsec', name: '郑州市医疗保障局', matters: '医保报销、医保卡' },
  { code: 'civil', name: '郑州市民政局', matters: '低保、养老服务、残疾人帮扶、婚姻登记、殡葬' },
  { code: 'landplan', name: '郑州市自然资源和规划局', matters: '征地、规划许可、不动产登记、拆迁补偿' },
  { code: 'agri', name: '郑州市农业农村局', matters: '农村土地承包、村集体事务、农业补贴' },
] as const

// `kind`: a 区 of the city (the four development zones are run like one) or a county or county-level
// city, which keeps bureaus of its own where a 区 may have only a branch of the city's; `short`: the
// name such a branch carries (郑州市公安局金水分局, 郑州市生态环境局中牟分局).
export const REGIONS = [
  { code: 'zhongyuan', name: '中原区', short: '中原', kind: 'district' },
  { code: 'erqi', name: '二七区', short: '二七', kind: 'district' },
  { code: 'guancheng', name: '管城回族区', short: '管城', kind: 'district' },
  { code: 'jinshui', name: '金水区', short: '金水', kind: 'district' },
  { code: 'shangjie', name: '上街区', short: '上街', kind: 'district' },
  { code: 'huiji', name: '惠济区', short: '惠济', kind: 'district' },
  { code: 'zhengdong', name: '郑东新区', short: '郑东新区', kind: 'district' },
  { code: 'gaoxin', name: '高新区', short: '高新', kind: 'district' },
  { code: 'jingkai', name: '经开区', short: '经开', kind: 'district' },
  { code: 'hangkonggang', name: '航空港区', short: '航空港', kind: 'district' },
  { code: 'zhongmou', name: '中牟县', short: '中牟', kind: 'county' },
  { code: 'gongyi', name: '巩义市', short: '巩义', kind: 'county' },
  { code: 'xingyang', name: '荥阳市', short: '荥阳', kind: 'county' },
  { code: 'xinmi', name: '新密市', short: '新密', kind: 'county' },
  { code: 'xinzheng', name: '新郑市', short: '新郑', kind: 'county' },
  { code: 'dengfeng', name: '登封市', short: '登封', kind: 'county' },
] as const

// `alsoUnits`: the legal zone is led by justice, but police and court take
// the cases whose content is theirs (fraud reports, enforcement).
export const ZONES = [
  { code: 'housing', name: '楼盘交付', lead: 'housing', alsoUnits: [] },
  { code: 'wages', name: '工资拖欠', lead: 'hrss', alsoUnits: [] },
  { code: 'legal', name: '政法服务', lead: 'justice', alsoUnits: ['police', 'court'] },
  { code: 'heating', name: '冬季供暖', lead: 'heating', alsoUnits: [] },
] as const

export const UNIT_CODES = codesOf(UNITS)
export const REGION_CODES = codesOf(REGIONS)
export const ZONE_CODES = codesOf(ZONES)

export type UnitCode = (typeof UNIT_CODES)[number]
export type RegionCode = (typeof REGION_CODES)[number]
export type ZoneCode = (typeof ZONE_CODES)[number]

export type Unit = (typeof UNITS)[number]
export type Region = (typeof REGIONS)[number]
export type Zone = (typeof ZONES)[number]

// Guards take `unknown` because their inputs come from the wire and the database.
export const isUnitCode = (value: unknown): value is UnitCode =>
  typeof value === 'string' && (UNIT_CODES as readonly string[]).includes(value)
export const isRegionCode = (value: unknown): value is RegionCode =>
  typeof value === 'string' && (REGION_CODES as readonly string[]).includes(value)
export const isZoneCode = (value: unknown): value is ZoneCode =>
  typeof value === 'string' && (ZONE_CODES as readonly string[]).includes(value)

const byCode = <T extends { code: string }>(list: readonly T[]) =>
  new Map<string, T>(list.map((item) => [item.code, item]))
const unitsByCode = byCode<Unit>(UNITS)
const regionsByCode = byCode<Region>(REGIONS)
const zonesByCode = byCode<Zone>(ZONES)

// The types guarantee a hit; the `?? code` fallback only shows for untyped
// JavaScript callers, where an unknown code is better echoed than crashed on.
export const unitName = (code: UnitCode): string => unitsByCode.get(code)?.name ?? code
export const regionName = (code: RegionCode): string => regionsByCode.get(code)?.name ?? code
export const zoneName = (code: ZoneCode): string => zonesByCode.get(code)?.name ?? code
/** The district or county behind a code, for what else the catalog says of it (its kind, its short name). */
export const regionOf = (code: string): Region | null => regionsByCode.get(code) ?? null

export const zoneLeadUnit = (zone: ZoneCode): UnitCode => zonesByCode.get(zone)?.lead ?? 'petition'

/** Every unit that may be accountable for a case in the zone, lead first. */
export const zoneUnits = (zone: ZoneCode): readonly UnitCode[] => {
  const found = zonesByCode.get(zone)
  return found ? [found.lead, ...found.alsoUnits] : []
}
