import { describe, expect, it } from 'vitest'
import { countSpread, percentSpread, spreadOf } from './bench-stats'

describe('bench statistics', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even one', () => {
    expect(spreadOf([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30 })
    expect(spreadOf([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 })
  })

  it('prints ratios as percentages with their range, and a lone run without one', () => {
    expect(percentSpread([0.12, 0.1, 0.141])).toBe('12% (10–14)')
    expect(percentSpread([0.25])).toBe('25%')
    expect(countSpread([1234.4, 1100, 1300])).toBe('1,234 (1,100–1,300)')
  })
})
