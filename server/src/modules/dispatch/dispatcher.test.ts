import { describe, expect, it } from 'vitest'
import { defaultDispatchRules } from './default-rules'
import { decideDispatch, type DispatchRule } from './dispatcher'

const rules = defaultDispatchRules()

describe('decideDispatch with the default rules', () => {
  it('sends a zone case to the lead unit and the region office at once (一案双交)', () => {
    const decision = decideDispatch(rules, { zone: 'heating', category: null, region: 'jinshui' })
    expect(decision.rule?.id).toBe('zone:heating')
    expect(decision.assignments).toEqual([
      { unit: 'heating', region: 'city', role: 'lead', ruleId: 'zone:heating' },
      { unit: 'petition', region: 'jinshui', role: 'territorial', ruleId: 'zone:heating' },
    ])
  })

  it('lets a category beat its zone: fraud in the 政法服务 zone goes to the police', () => {
    const decision = decideDispatch(rules, { zone: 'legal', category: 'fraud', region: 'erqi' })
    expect(decision.rule?.id).toBe('category:fraud')
    expect(decision.assignments.map((a) => [a.unit, a.region, a.role])).toEqual([
      ['police', 'city', 'lead'],
      ['petition', 'erqi', 'territorial'],
    ])
  })

  it('has the region office oversee a case outside the zones', () => {
    const decision = decideDispatch(rules, { zone: null, category: 'pollution', region: 'xinzheng' })
    expect(decision.assignments.map((a) => [a.unit, a.region, a.role])).toEqual([
      ['ecoenv', 'city', 'lead'],
      ['petition', 'xinzheng', 'oversight'],
    ])
  })

  it('falls back to the city office when no region is known', () => {
    const decision = decideDispatch(rules, { zone: null, category: 'education', region: null })
    expect(decision.assignments[1]).toMatchObject({ unit: 'petition', region: 'city' })
  })

  it('sends what no rule fits to city triage', () => {
    for (const input of [{ zone: null, category: 'other', region: 'jinshui' }, { zone: null, category: null, region: null }]) {
      expect(decideDispatch(rules, input)).toEqual({ rule: null, assignments: [{ unit: 'petition', region: 'city', role: 'triage', ruleId: null }] })
    }
  })

  it('keeps a single assignment when the petition office itself leads', () => {
    const decision = decideDispatch(rules, { zone: null, category: 'handling_appeal', region: null })
    expect(decision.assignments).toEqual([{ unit: 'petition', region: 'city', role: 'lead', ruleId: 'category:handling_appeal' }])
  })
})

describe('decideDispatch rule precedence', () => {
  const regional: DispatchRule = { id: 'gongyi-heating', priority: 0, zone: 'heating', category: null, regionCode: 'gongyi', unitCode: 'urban', description: '巩义市集中供热由城管监管' }
  it('prefers a rule that also names the region', () => {
    expect(decideDispatch([...rules, regional], { zone: 'heating', category: null, region: 'gongyi' }).rule?.id).toBe('gongyi-heating')
    expect(decideDispatch([...rules, regional], { zone: 'heating', category: null, region: 'jinshui' }).rule?.id).toBe('zone:heating')
  })
  it('ignores a rule with neither zone nor category: a region alone says nothing about the unit', () => {
    const regionOnly = { ...regional, id: 'region-only', zone: null }
    expect(decideDispatch([regionOnly], { zone: null, category: null, region: 'gongyi' }).rule).toBeNull()
  })
})
