import { describe, expect, it } from 'vitest'
import { parseWarningRules, thresholdReached, warnedRegion } from './warning-rules'

const rules = parseWarningRules({ thresholds: '100:city,5:local,30:district', burst: '20/600', ipSurge: '50/600' })

describe('joint-complaint warning rules', () => {
  it('reads the settings, thresholds in order', () => {
    expect(rules.thresholds).toEqual([
      { count: 5, level: 'local' },
      { count: 30, level: 'district' },
      { count: 100, level: 'city' },
    ])
    expect(rules.burst).toEqual({ count: 20, windowMs: 600_000 })
  })

  it('reaches a threshold only on the signature that crosses it', () => {
    expect(thresholdReached(rules, 4)).toBeNull()
    expect(thresholdReached(rules, 5)).toEqual({ count: 5, level: 'local' })
    expect(thresholdReached(rules, 6)).toBeNull()
    expect(thresholdReached(rules, 100)?.level).toBe('city')
  })

  it('warns the street, the district or the city office', () => {
    expect(warnedRegion('local', 'jinshui.huayuanlu.nongyeyuan.g01')).toBe('jinshui.huayuanlu')
    expect(warnedRegion('local', 'jinshui')).toBe('jinshui')
    expect(warnedRegion('district', 'jinshui.huayuanlu')).toBe('jinshui')
    expect(warnedRegion('city', 'jinshui.huayuanlu')).toBe('city')
    expect(warnedRegion('local', null)).toBe('city')
  })
})
