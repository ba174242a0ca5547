import { describe, expect, it } from 'vitest'
import { matterLevel } from './matter-levels'

describe('matterLevel', () => {
  it("takes the category's level before the zone's", () => {
    expect(matterLevel({ category: 'city_management', zone: null })).toBe('local')
    expect(matterLevel({ category: 'court_enforcement', zone: 'legal' })).toBe('city')
    expect(matterLevel({ category: 'social_insurance', zone: null })).toBe('city')
  })
  it("takes the zone's for a zone chosen alone, and the city's for a matter known by neither", () => {
    expect(matterLevel({ category: null, zone: 'heating' })).toBe('local')
    expect(matterLevel({ category: null, zone: null })).toBe('city')
    expect(matterLevel({ category: 'toString', zone: null })).toBe('city')
  })
})
