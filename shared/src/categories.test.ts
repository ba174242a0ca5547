import { describe, it, expect } from 'vitest'
import { UNIT_CODES, isUnitCode, isZoneCode } from './catalog'
import { CATEGORIES, CATEGORY_CODES, PICKER_CATEGORIES, categoryOf, isCategoryCode } from './categories'

describe('categories', () => {
  it('has unique snake_case codes, kept in the same order as CATEGORY_CODES', () => {
    expect(CATEGORY_CODES).toEqual(CATEGORIES.map((c) => c.code))
    expect(new Set(CATEGORY_CODES).size).toBe(CATEGORY_CODES.length)
    for (const code of CATEGORY_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/)
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(20)
    // a picker much longer stops being read; the zone forms' own categories are not on it
    expect(PICKER_CATEGORIES.length).toBeLessThanOrEqual(25)
    expect(PICKER_CATEGORIES.some((c) => c.code === 'notary')).toBe(false)
  })

  it('points only at contract units and zones', () => {
    for (const c of CATEGORIES) {
      if (c.unit !== null) expect(isUnitCode(c.unit), c.code).toBe(true)
      if ('zone' in c) expect(isZoneCode(c.zone), c.code).toBe(true)
    }
  })

  it('covers every unit in the catalog at least once', () => {
    const covered = new Set(CATEGORIES.map((c) => c.unit))
    expect(UNIT_CODES.filter((u) => !covered.has(u))).toEqual([])
  })

  it('sends zone categories to a unit that zone accepts', () => {
    expect(categoryOf('housing_delivery')).toMatchObject({ unit: 'housing', zone: 'housing' })
    expect(categoryOf('property_certificate')).toMatchObject({ unit: 'housing', zone: 'housing' })
    expect(categoryOf('unpaid_wages')).toMatchObject({ unit: 'hrss', zone: 'wages' })
    expect(categoryOf('heating')).toMatchObject({ unit: 'heating', zone: 'heating' })
    expect(categoryOf('fraud')).toMatchObject({ unit: 'police', zone: 'legal' })
    expect(categoryOf('legal_aid')).toMatchObject({ unit: 'justice', zone: 'legal' })
    expect(categoryOf('court_enforcement')).toMatchObject({ unit: 'court', zone: 'legal' })
  })

  it('leaves ordinary categories outside the zones', () => {
    expect(categoryOf('property_management').zone).toBeUndefined()
    expect(categoryOf('pollution')).toMatchObject({ unit: 'ecoenv' })
    expect(categoryOf('consumer_rights').zone).toBeUndefined()
  })

  it('leaves "other" to triage', () => {
    expect(categoryOf('other')).toMatchObject({ name: '其他', unit: null })
    expect(categoryOf('other').zone).toBeUndefined()
  })

  it('guards and looks up unknown input safely', () => {
    expect(isCategoryCode('heating')).toBe(true)
    expect(isCategoryCode('Heating')).toBe(false)
    expect(isCategoryCode(null)).toBe(false)
    expect(categoryOf('no_such_thing')).toBeNull()
  })
})
