import { describe, expect, it } from 'vitest'
import type { IntakeSuggestion } from '@xinfang/shared/contracts/assist'
import { EMPTY_DRAFT, type Draft } from '../../stores/draft'
import { suggestionLine, suggestionPatch } from './suggestion'

const HEATING: IntakeSuggestion = {
  category: 'heating',
  unit: 'heating',
  zone: 'heating',
  region: 'jinshui',
  street: 'jinshui.huayuanlu',
  units: [{ code: 'heating', name: '郑州热力集团有限公司', score: 0.9 }],
  confidence: 0.9,
  confident: true,
  reasons: ['提到“暖气不热”', '提到“花园路”'],
  facts: { amounts: [], dates: [], buildings: [], companies: [] },
}

const draft = (patch: Partial<Draft> = {}): Draft => ({ ...EMPTY_DRAFT, content: '花园路小区暖气一直不热', ...patch })

describe('what 用这个 fills', () => {
  it('fills an empty form: category with its zone, district and street', () => {
    expect(suggestionPatch(draft(), HEATING)).toEqual({ category: 'heating', zone: 'heating', region: 'jinshui', street: 'jinshui.huayuanlu' })
    expect(suggestionLine(draft(), HEATING)).toBe('冬季供暖 · 金水区花园路街道 → 郑州热力集团有限公司')
  })

  it("never replaces the resident's category, nor names a unit that follows from another one", () => {
    const mine = draft({ category: 'city_management' })
    expect(suggestionPatch(mine, HEATING)).toEqual({ region: 'jinshui', street: 'jinshui.huayuanlu' })
    expect(suggestionLine(mine, HEATING)).toBe('金水区花园路街道')
  })

  it("keeps the resident's zone: a category of another zone is not filled", () => {
    expect(suggestionPatch(draft({ zone: 'wages' }), HEATING)).toEqual({ region: 'jinshui', street: 'jinshui.huayuanlu' })
    expect(suggestionPatch(draft({ zone: 'heating' }), HEATING)).toEqual({ category: 'heating', region: 'jinshui', street: 'jinshui.huayuanlu' })
  })

  it("never replaces the resident's district, and fills a street only inside it", () => {
    expect(suggestionPatch(draft({ region: 'erqi' }), HEATING)).toEqual({ category: 'heating', zone: 'heating' })
    expect(suggestionPatch(draft({ region: 'jinshui' }), HEATING)).toEqual({ category: 'heating', zone: 'heating', street: 'jinshui.huayuanlu' })
    expect(suggestionLine(draft({ category: 'heating', zone: 'heating', region: 'jinshui' }), HEATING)).toBe('金水区花园路街道 → 郑州热力集团有限公司')
  })

  it("never replaces the resident's street", () => {
    const mine = draft({ region: 'jinshui', street: 'jinshui.jingbalu' })
    expect(suggestionPatch(mine, HEATING)).toEqual({ category: 'heating', zone: 'heating' })
  })

  it('offers nothing once every field it knows is set, or when it knows nothing', () => {
    const done = draft({ category: 'heating', zone: 'heating', region: 'jinshui', street: 'jinshui.huayuanlu' })
    expect(suggestionPatch(done, HEATING)).toEqual({})
    expect(suggestionLine(done, HEATING)).toBeNull()
    const thin = { ...HEATING, category: null, unit: null, zone: null, region: null, street: null, units: [] }
    expect(suggestionLine(draft(), thin)).toBeNull()
  })

  it('fills a district without a street, and ignores a street the picker does not offer', () => {
    expect(suggestionPatch(draft(), { ...HEATING, street: null })).toEqual({ category: 'heating', zone: 'heating', region: 'jinshui' })
    expect(suggestionPatch(draft(), { ...HEATING, street: 'erqi.nope' })).toEqual({ category: 'heating', zone: 'heating', region: 'jinshui' })
  })

  it('leaves zone alone for a category outside the livelihood zones', () => {
    const urban = { ...HEATING, category: 'city_management' as const, zone: null, units: [{ code: 'urban' as const, name: '郑州市城市管理局', score: 0.7 }] }
    expect(suggestionPatch(draft(), urban)).toEqual({ category: 'city_management', region: 'jinshui', street: 'jinshui.huayuanlu' })
    // a local matter: the district's counterpart acts, as dispatch will decide
    expect(suggestionLine(draft(), urban)).toBe('市容城管 · 金水区花园路街道 → 金水区城市管理局')
  })

  it('names the holders dispatch will give the case: the district office with the city unit where the district has no counterpart, the city unit with no district', () => {
    const bus = { ...HEATING, category: 'transport' as const, zone: null, units: [{ code: 'transport' as const, name: '郑州市交通运输局', score: 0.7 }] }
    expect(suggestionLine(draft(), bus)).toBe('交通出行 · 金水区花园路街道 → 金水区信访局、郑州市交通运输局')
    expect(suggestionLine(draft(), { ...bus, region: null, street: null })).toBe('交通出行 → 郑州市交通运输局')
  })
})
