import { REGION_CODES } from '@xinfang/shared/catalog'
import { CATEGORIES } from '@xinfang/shared/categories'
import { presentAt } from '@xinfang/shared/counterparts'
import { describe, expect, it } from 'vitest'
import { defaultDispatchRules } from './default-rules'
import { decideDispatch, type DispatchInput, type DispatchRule } from './dispatcher'

const rules = defaultDispatchRules()
const held = (input: DispatchInput) => decideDispatch(rules, input).assignments.map((a) => [a.unit, a.region, a.role])

describe('decideDispatch: a local matter in a known district', () => {
  it("gives it to the unit's counterpart there, with the district office overseeing", () => {
    const decision = decideDispatch(rules, { zone: null, category: 'city_management', region: 'jinshui' })
    expect(decision.level).toBe('counterpart')
    expect(decision.assignments).toEqual([
      { unit: 'urban', region: 'jinshui', role: 'lead', ruleId: 'category:city_management' },
      { unit: 'petition', region: 'jinshui', role: 'oversight', ruleId: 'category:city_management' },
    ])
    expect(held({ zone: null, category: 'pollution', region: 'xinzheng' })).toEqual([
      ['ecoenv', 'xinzheng', 'lead'],
      ['petition', 'xinzheng', 'oversight'],
    ])
  })

  it('has the district office lead, with the city unit as co-owner, where the unit has no counterpart', () => {
    const decision = decideDispatch(rules, { zone: null, category: 'transport', region: 'jinshui' })
    expect(decision.level).toBe('district_office')
    expect(decision.assignments).toEqual([
      { unit: 'petition', region: 'jinshui', role: 'lead', ruleId: 'category:transport' },
      { unit: 'transport', region: 'city', role: 'co_owner', ruleId: 'category:transport' },
    ])
    // a county keeps a transport bureau of its own
    expect(held({ zone: null, category: 'transport', region: 'zhongmou' })).toEqual([
      ['transport', 'zhongmou', 'lead'],
      ['petition', 'zhongmou', 'oversight'],
    ])
  })

  it('keeps one assignment when a rule gives a local matter to the petition office itself', () => {
    const toOffice: DispatchRule = { id: 'mediation-office', priority: 0, zone: null, category: 'public_order', regionCode: 'erqi', unitCode: 'petition', description: '二七区治安纠纷先由信访局调处' }
    expect(decideDispatch([...rules, toOffice], { zone: null, category: 'public_order', region: 'erqi' }).assignments).toEqual([
      { unit: 'petition', region: 'erqi', role: 'lead', ruleId: 'mediation-office' },
    ])
  })
})

describe('decideDispatch: a livelihood-zone case keeps its two assignments (一案双交)', () => {
  it("leads with the counterpart where there is one, the district office jointly accountable", () => {
    expect(held({ zone: 'housing', category: 'housing_delivery', region: 'jinshui' })).toEqual([
      ['housing', 'jinshui', 'lead'],
      ['petition', 'jinshui', 'territorial'],
    ])
  })

  it('lets a category beat its zone: fraud in the 政法服务 zone goes to the police branch', () => {
    const decision = decideDispatch(rules, { zone: 'legal', category: 'fraud', region: 'erqi' })
    expect(decision.rule?.id).toBe('category:fraud')
    expect(held({ zone: 'legal', category: 'fraud', region: 'erqi' })).toEqual([
      ['police', 'erqi', 'lead'],
      ['petition', 'erqi', 'territorial'],
    ])
  })

  it('leads with the city unit where it has no counterpart, or the matter is the city level\'s', () => {
    const heating = decideDispatch(rules, { zone: 'heating', category: null, region: 'jinshui' })
    expect(heating.rule?.id).toBe('zone:heating')
    expect(heating.level).toBe('city')
    expect(heating.assignments).toEqual([
      { unit: 'heating', region: 'city', role: 'lead', ruleId: 'zone:heating' },
      { unit: 'petition', region: 'jinshui', role: 'territorial', ruleId: 'zone:heating' },
    ])
    expect(held({ zone: 'legal', category: 'court_enforcement', region: 'guancheng' })).toEqual([
      ['court', 'city', 'lead'],
      ['petition', 'guancheng', 'territorial'],
    ])
  })
})

describe('decideDispatch: the city unit', () => {
  it('handles a city-level matter, the district office overseeing', () => {
    const decision = decideDispatch(rules, { zone: null, category: 'social_insurance', region: 'jinshui' })
    expect(decision.level).toBe('city')
    expect(held({ zone: null, category: 'social_insurance', region: 'jinshui' })).toEqual([
      ['hrss', 'city', 'lead'],
      ['petition', 'jinshui', 'oversight'],
    ])
  })

  it('handles any matter when no district is known, beside the city office', () => {
    expect(held({ zone: null, category: 'education', region: null })).toEqual([
      ['education', 'city', 'lead'],
      ['petition', 'city', 'oversight'],
    ])
    expect(held({ zone: null, category: 'transport', region: null })).toEqual([
      ['transport', 'city', 'lead'],
      ['petition', 'city', 'oversight'],
    ])
  })

  it('keeps a single assignment when the city petition office itself leads', () => {
    const decision = decideDispatch(rules, { zone: null, category: 'handling_appeal', region: null })
    expect(decision.assignments).toEqual([{ unit: 'petition', region: 'city', role: 'lead', ruleId: 'category:handling_appeal' }])
    // an appeal about how a district handled a case goes above it
    expect(held({ zone: null, category: 'handling_appeal', region: 'erqi' })).toEqual([
      ['petition', 'city', 'lead'],
      ['petition', 'erqi', 'oversight'],
    ])
  })

  it('sends what no rule fits to city triage', () => {
    for (const input of [{ zone: null, category: 'other', region: 'jinshui' }, { zone: null, category: null, region: null }]) {
      expect(decideDispatch(rules, input)).toEqual({ rule: null, level: null, assignments: [{ unit: 'petition', region: 'city', role: 'triage', ruleId: null }] })
    }
  })
})

describe('decideDispatch with the default rules, everywhere', () => {
  it('gives every category in every district one lead, that exists there, and the district office a place', () => {
    for (const category of CATEGORIES.filter((c) => c.unit !== null)) {
      for (const region of REGION_CODES) {
        const input = { zone: 'zone' in category ? category.zone : null, category: category.code, region }
        const { assignments } = decideDispatch(rules, input)
        const leads = assignments.filter((a) => a.role === 'lead')
        expect(leads, `${category.code} in ${region}`).toHaveLength(1)
        expect(assignments.every((a) => presentAt(a.unit, a.region)), `${category.code} in ${region}`).toBe(true)
        expect(assignments.some((a) => a.unit === 'petition'), `${category.code} in ${region}`).toBe(true)
      }
    }
  })
})

describe('decideDispatch rule precedence', () => {
  const regional: DispatchRule = { id: 'gongyi-heating', priority: 0, zone: 'heating', category: null, regionCode: 'gongyi', unitCode: 'urban', description: '巩义市集中供热由城管监管' }
  it('prefers a rule that also names the region, and sends it to that unit\'s counterpart', () => {
    expect(decideDispatch([...rules, regional], { zone: 'heating', category: null, region: 'gongyi' }).rule?.id).toBe('gongyi-heating')
    expect(decideDispatch([...rules, regional], { zone: 'heating', category: null, region: 'gongyi' }).assignments.map((a) => [a.unit, a.region, a.role])).toEqual([
      ['urban', 'gongyi', 'lead'],
      ['petition', 'gongyi', 'territorial'],
    ])
    expect(decideDispatch([...rules, regional], { zone: 'heating', category: null, region: 'jinshui' }).rule?.id).toBe('zone:heating')
  })
  it('ignores a rule with neither zone nor category: a region alone says nothing about the unit', () => {
    const regionOnly = { ...regional, id: 'region-only', zone: null }
    expect(decideDispatch([regionOnly], { zone: null, category: null, region: 'gongyi' }).rule).toBeNull()
  })
})
