import { REGION_CODES } from '@xinfang/shared/catalog'
import { CATEGORIES } from '@xinfang/shared/categories'
import { presentAt } from '@xinfang/shared/counterparts'
import { describe, expect, it } from 'vitest'
import { defaultDispatchRules } from './default-rules'
import { decideDispatch, type DispatchInput, type DispatchRule } from './dispatcher'

const rules = defaultDispatchRules()
/** The decision in brief: the rule, the level, and who holds the case in which role. */
const routed = (input: DispatchInput, withRules: readonly DispatchRule[] = rules) => {
  const decision = decideDispatch(withRules, input)
  return { rule: decision.rule?.id ?? null, level: decision.level, held: decision.assignments.map((a) => [a.unit, a.region, a.role]) }
}

describe('decideDispatch: a local matter in a known district', () => {
  it("gives it to the unit's counterpart there, with the district office overseeing", () => {
    expect(routed({ zone: null, category: 'city_management', region: 'jinshui' })).toEqual({
      rule: 'category:city_management',
      level: 'counterpart',
      held: [['urban', 'jinshui', 'lead'], ['petition', 'jinshui', 'oversight']],
    })
    expect(routed({ zone: null, category: 'pollution', region: 'xinzheng' }).held).toEqual([['ecoenv', 'xinzheng', 'lead'], ['petition', 'xinzheng', 'oversight']])
  })

  it('has the district office lead, with the city unit as co-owner, where the unit has no counterpart', () => {
    expect(routed({ zone: null, category: 'transport', region: 'jinshui' })).toEqual({
      rule: 'category:transport',
      level: 'district_office',
      held: [['petition', 'jinshui', 'lead'], ['transport', 'city', 'co_owner']],
    })
    // a county keeps a transport bureau of its own
    expect(routed({ zone: null, category: 'transport', region: 'zhongmou' }).held).toEqual([['transport', 'zhongmou', 'lead'], ['petition', 'zhongmou', 'oversight']])
  })

  it('keeps one assignment when a rule gives a local matter to the petition office itself', () => {
    const toOffice: DispatchRule = { id: 'mediation-office', priority: 0, zone: null, category: 'public_order', regionCode: 'erqi', unitCode: 'petition', description: '二七区治安纠纷先由信访局调处' }
    expect(routed({ zone: null, category: 'public_order', region: 'erqi' }, [...rules, toOffice]).held).toEqual([['petition', 'erqi', 'lead']])
  })

  it('marks every assignment with the rule that made it', () => {
    expect(decideDispatch(rules, { zone: null, category: 'transport', region: 'jinshui' }).assignments.map((a) => a.ruleId)).toEqual(['category:transport', 'category:transport'])
  })
})

describe('decideDispatch: a livelihood-zone case keeps its two assignments (一案双交)', () => {
  it('leads with the counterpart where there is one, the district office jointly accountable', () => {
    expect(routed({ zone: 'housing', category: 'housing_delivery', region: 'jinshui' }).held).toEqual([['housing', 'jinshui', 'lead'], ['petition', 'jinshui', 'territorial']])
  })

  it('lets a category beat its zone: fraud in the 政法服务 zone goes to the police branch', () => {
    expect(routed({ zone: 'legal', category: 'fraud', region: 'erqi' })).toEqual({
      rule: 'category:fraud',
      level: 'counterpart',
      held: [['police', 'erqi', 'lead'], ['petition', 'erqi', 'territorial']],
    })
  })

  it("leads with the city unit where it has no counterpart, or the matter is the city level's", () => {
    expect(routed({ zone: 'heating', category: null, region: 'jinshui' })).toEqual({
      rule: 'zone:heating',
      level: 'city',
      held: [['heating', 'city', 'lead'], ['petition', 'jinshui', 'territorial']],
    })
    expect(routed({ zone: 'legal', category: 'court_enforcement', region: 'guancheng' }).held).toEqual([['court', 'city', 'lead'], ['petition', 'guancheng', 'territorial']])
  })
})

describe('decideDispatch: the city unit', () => {
  it('handles a city-level matter, the district office overseeing', () => {
    expect(routed({ zone: null, category: 'social_insurance', region: 'jinshui' })).toEqual({
      rule: 'category:social_insurance',
      level: 'city',
      held: [['hrss', 'city', 'lead'], ['petition', 'jinshui', 'oversight']],
    })
  })

  it('handles any matter when no district is known, beside the city office', () => {
    expect(routed({ zone: null, category: 'education', region: null }).held).toEqual([['education', 'city', 'lead'], ['petition', 'city', 'oversight']])
    expect(routed({ zone: null, category: 'transport', region: null }).held).toEqual([['transport', 'city', 'lead'], ['petition', 'city', 'oversight']])
  })

  it('keeps a single assignment when the city petition office itself leads', () => {
    expect(routed({ zone: null, category: 'handling_appeal', region: null }).held).toEqual([['petition', 'city', 'lead']])
    // an appeal about how a district handled a case goes above it
    expect(routed({ zone: null, category: 'handling_appeal', region: 'erqi' }).held).toEqual([['petition', 'city', 'lead'], ['petition', 'erqi', 'oversight']])
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
    expect(routed({ zone: 'heating', category: null, region: 'gongyi' }, [...rules, regional])).toEqual({
      rule: 'gongyi-heating',
      level: 'counterpart',
      held: [['urban', 'gongyi', 'lead'], ['petition', 'gongyi', 'territorial']],
    })
    expect(routed({ zone: 'heating', category: null, region: 'jinshui' }, [...rules, regional]).rule).toBe('zone:heating')
  })
  it('ignores a rule with neither zone nor category: a region alone says nothing about the unit', () => {
    const regionOnly = { ...regional, id: 'region-only', zone: null }
    expect(decideDispatch([regionOnly], { zone: null, category: null, region: 'gongyi' }).rule).toBeNull()
  })
})
