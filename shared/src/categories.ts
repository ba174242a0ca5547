import type { UnitCode, ZoneCode } from './catalog'

// What a resident may pick on the form (optional). A category proposes the
// responsible unit and, for livelihood-zone matters, the zone whose clocks and
// double assignment (一案双交) apply. `unit: null` means "let the office triage".

export interface Category {
  readonly code: string
  readonly name: string
  /** Examples in residents' words, shown under the name on the picker. */
  readonly hint: string
  readonly unit: UnitCode | null
  readonly zone?: ZoneCode
  /** chosen only by an answer on a zone's form: the general picker and the assistant leave it out */
  readonly formOnly?: true
}

export const CATEGORIES = [
  { code: 'housing_delivery', name: '房屋交付', hint: '逾期交房、烂尾楼、交房标准不符', unit: 'housing', zone: 'housing' },
  { code: 'property_certificate', name: '办证难', hint: '交房多年办不了不动产权证', unit: 'housing', zone: 'housing' },
  { code: 'building_quality', name: '房屋质量', hint: '新房渗水开裂、交房质量不达标', unit: 'housing', zone: 'housing', formOnly: true },
  { code: 'property_management', name: '物业管理', hint: '物业服务差、乱收费、维修资金', unit: 'housing' },
  { code: 'unpaid_wages', name: '拖欠工资', hint: '农民工工资、工程款拖欠', unit: 'hrss', zone: 'wages' },
  { code: 'social_insurance', name: '社保养老', hint: '社保缴费、养老金、劳动合同', unit: 'hrss' },
  { code: 'heating', name: '冬季供暖', hint: '暖气不热、停暖、采暖费、管道漏水', unit: 'heating', zone: 'heating' },
  { code: 'city_management', name: '市容城管', hint: '占道经营、违法建设、垃圾清运、路灯', unit: 'urban' },
  { code: 'public_order', name: '社会治安', hint: '治安问题、夜间娱乐场所噪声', unit: 'police' },
  { code: 'household_registration', name: '户籍办理', hint: '落户、迁户口、身份证办理', unit: 'police', zone: 'legal', formOnly: true },
  { code: 'fraud', name: '诈骗', hint: '电信诈骗、集资诈骗', unit: 'police', zone: 'legal' },
  { code: 'legal_aid', name: '法律援助', hint: '请不起律师、需要法律咨询', unit: 'justice', zone: 'legal' },
  { code: 'dispute_mediation', name: '矛盾调解', hint: '邻里纠纷、家庭纠纷、人民调解', unit: 'justice', zone: 'legal' },
  { code: 'notary', name: '公证', hint: '公证办理慢、公证收费', unit: 'justice', zone: 'legal', formOnly: true },
  { code: 'court_enforcement', name: '执行难', hint: '胜诉后判决执行不了、立案审理拖延', unit: 'court', zone: 'legal' },
  { code: 'pollution', name: '环境污染', hint: '工厂排污、烟尘异味、施工扬尘、工业噪声', unit: 'ecoenv' },
  { code: 'consumer_rights', name: '消费维权', hint: '预付卡跑路、假冒伪劣、价格欺诈', unit: 'market' },
  { code: 'food_safety', name: '食品安全', hint: '餐饮卫生、过期食品', unit: 'market' },
  { code: 'transport', name: '交通出行', hint: '公交、出租车、网约车、客运站', unit: 'transport' },
  { code: 'education', name: '教育入学', hint: '入学划片、学校收费、校外培训', unit: 'education' },
  { code: 'medical_services', name: '医疗卫生', hint: '看病服务、医疗纠纷、疫苗接种', unit: 'health' },
  { code: 'medical_insurance', name: '医保报销', hint: '医保报销、医保卡', unit: 'medsec' },
  { code: 'social_assistance', name: '民政救助', hint: '低保、养老服务、残疾人帮扶、殡葬', unit: 'civil' },
  { code: 'land_requisition', name: '征地拆迁', hint: '征地补偿、拆迁安置、规划许可', unit: 'landplan' },
  { code: 'rural_affairs', name: '农村事务', hint: '土地承包、村务公开、农业补贴', unit: 'agri' },
  { code: 'handling_appeal', name: '办理监督', hint: '对信访事项办理过程或结果有意见', unit: 'petition' },
  { code: 'other', name: '其他', hint: '不知道选哪一类时选这里', unit: null },
] as const satisfies readonly Category[]

type CodesOf<T extends readonly { code: string }[]> = {
  readonly [K in keyof T]: T[K] extends { code: infer C } ? C : never
}

/** Codes in picker order, a readonly tuple so `Type.Enum(CATEGORY_CODES)` infers the union. */
export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as unknown as CodesOf<typeof CATEGORIES>
export type CategoryCode = (typeof CATEGORY_CODES)[number]

/** The categories a resident picks from on the ordinary form, in picker order. */
export const PICKER_CATEGORIES: readonly (typeof CATEGORIES)[number][] = CATEGORIES.filter((c) => !('formOnly' in c))
/** Categories only a zone form's answer chooses (see `formOnly`). */
export type FormOnlyCategory = Extract<(typeof CATEGORIES)[number], { formOnly: true }>['code']

export const isCategoryCode = (value: unknown): value is CategoryCode =>
  typeof value === 'string' && (CATEGORY_CODES as readonly string[]).includes(value)

const byCode = new Map<string, Category>(CATEGORIES.map((c) => [c.code, c]))

export function categoryOf(code: CategoryCode): Category
export function categoryOf(code: string): Category | null
export function categoryOf(code: string): Category | null {
  return byCode.get(code) ?? null
}
