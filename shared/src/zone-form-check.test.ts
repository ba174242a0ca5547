import { describe, expect, it } from 'vitest'
import { ZONE_CODES, zoneLeadUnit, zoneUnits } from './catalog'
import { categoryOf, isCategoryCode } from './categories'
import { checkZoneForm } from './zone-form-check'
import { ZONE_RULES, triageOf, zoneCategory } from './zone-rules'

const TODAY = '2026-12-07'
const housing = ZONE_RULES.housing
const wages = ZONE_RULES.wages
const heating = ZONE_RULES.heating

describe('the zone rules', () => {
  it('are one rule per catalog zone, led by the catalog lead, routing only to units that zone accepts', () => {
    expect(Object.keys(ZONE_RULES)).toEqual([...ZONE_CODES])
    for (const rule of Object.values(ZONE_RULES)) {
      expect(rule.lead, rule.code).toBe(zoneLeadUnit(rule.code))
      expect(isCategoryCode(rule.category), rule.code).toBe(true)
      for (const option of rule.fields.flatMap((f) => f.options ?? [])) {
        expect(option.category && isCategoryCode(option.category), option.code).toBe(true)
        expect(zoneUnits(rule.code), option.code).toContain(categoryOf(option.category!).unit)
      }
    }
  })

  it('route a legal matter to justice, the police or the court by what it is', () => {
    const unitFor = (matter: string) => categoryOf(zoneCategory(ZONE_RULES.legal, { matter })).unit
    expect([unitFor('legal_aid'), unitFor('notary'), unitFor('hukou'), unitFor('enforcement')]).toEqual(['justice', 'justice', 'police', 'court'])
    expect(zoneCategory(housing, { matter: 'property' })).toBe('property_management')
    expect(zoneCategory(heating, {})).toBe('heating')
  })

  it('give a question the one-hour clock and a problem, or nothing said, the three-working-day one', () => {
    expect(['consult', 'policy', 'progress'].map((a) => triageOf(a as 'consult'))).toEqual(['simple', 'simple', 'simple'])
    expect(triageOf('problem')).toBe('complex')
    expect(triageOf(null)).toBe('complex')
  })
})

describe('checking a zone form', () => {
  it('keeps trimmed text and numbers, and leaves out empty optional fields', () => {
    const { form, issues } = checkZoneForm(housing, { projectId: 'hp_jinshui01', building: ' 3号楼 ', unitNo: '', matter: 'overdue', deliveryDate: '2025-06-30' }, TODAY)
    expect(issues).toEqual([])
    expect(form).toEqual({ projectId: 'hp_jinshui01', building: '3号楼', matter: 'overdue', deliveryDate: '2025-06-30' })
  })

  it('names each missing required field in Chinese', () => {
    const { issues } = checkZoneForm(housing, { building: '3号楼' }, TODAY)
    expect(issues).toEqual([
      { field: 'projectId', message: '请填写「楼盘」' },
      { field: 'matter', message: '请填写「反映事项」' },
    ])
  })

  it('refuses an answer not on the list, a field the zone does not have and text that is too long', () => {
    const { issues } = checkZoneForm(housing, { projectId: 'p', building: '楼'.repeat(21), matter: 'noise', colour: 'red' }, TODAY)
    expect(issues.map((i) => i.field)).toEqual(['colour', 'building', 'matter'])
    expect(issues[1]!.message).toBe('「楼栋」最多20个字')
    expect(issues[2]!.message).toBe('「反映事项」不在可选范围内')
  })

  it('reads numbers typed as text and holds them to their range and precision', () => {
    const base = { employer: '某建筑劳务公司', site: '金水区某工地', periodFrom: '2026-03', periodTo: '2026-08' }
    expect(checkZoneForm(wages, { ...base, amountOwed: '36000.50', coworkers: '12' }, TODAY).form).toMatchObject({ amountOwed: 36000.5, coworkers: 12 })
    expect(checkZoneForm(wages, { ...base, amountOwed: '3万' }, TODAY).issues).toEqual([{ field: 'amountOwed', message: '「欠薪金额（元）」请填写数字' }])
    expect(checkZoneForm(wages, { ...base, amountOwed: 0 }, TODAY).issues[0]!.field).toBe('amountOwed')
    expect(checkZoneForm(wages, { ...base, amountOwed: 10.005 }, TODAY).issues[0]!.message).toMatch(/最多保留2位小数/)
    expect(checkZoneForm(wages, { ...base, amountOwed: 100, coworkers: 2.5 }, TODAY).issues[0]!.message).toBe('「一起被欠薪的工友人数」请填写整数')
  })

  it('refuses impossible dates, dates after today and a period that ends before it starts', () => {
    const base = { indoorTemp: 14.5 }
    expect(checkZoneForm(heating, { ...base, since: '2026-02-30' }, TODAY).issues[0]!.message).toBe('「从哪天开始」请按 2026-12-01 的格式填写')
    expect(checkZoneForm(heating, { ...base, since: '2026-12-08' }, TODAY).issues[0]!.message).toBe('「从哪天开始」不能晚于今天')
    expect(checkZoneForm(heating, { ...base, since: '2026-12-07' }, TODAY).issues).toEqual([])
    const owed = { employer: '某公司', site: '某工地', amountOwed: 100 }
    expect(checkZoneForm(wages, { ...owed, periodFrom: '2026-08', periodTo: '2026-03' }, TODAY).issues).toEqual([{ field: 'periodTo', message: '「欠薪截止月份」不能早于「欠薪开始月份」' }])
    expect(checkZoneForm(wages, { ...owed, periodFrom: '2026-08', periodTo: '2027-01' }, TODAY).issues[0]!.message).toBe('「欠薪截止月份」不能晚于今天')
  })

  it('holds a heating account number to its pattern, saying where to find it', () => {
    const base = { indoorTemp: 12, since: '2026-12-01' }
    expect(checkZoneForm(heating, { ...base, account: 'RL-2026-0088' }, TODAY).issues).toEqual([])
    expect(checkZoneForm(heating, { ...base, account: '户号 88' }, TODAY).issues[0]!.message).toMatch(/见供热合同或缴费单/)
    expect(checkZoneForm(heating, { ...base, indoorTemp: 55 }, TODAY).issues[0]!.message).toBe('「室内温度（℃）」应在-10到40之间')
  })
})
