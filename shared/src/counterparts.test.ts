import { describe, expect, it } from 'vitest'
import { counterpartAt, presentAt } from './counterparts'

describe('counterparts', () => {
  it("reads a unit's counterpart by the kind of region: a 区 of the city, or a county", () => {
    expect(counterpartAt('urban', 'jinshui')).toBe('bureau')
    expect(counterpartAt('police', 'jinshui')).toBe('branch')
    expect(counterpartAt('police', 'dengfeng')).toBe('bureau')
    expect(counterpartAt('transport', 'jinshui')).toBeNull()
    expect(counterpartAt('transport', 'dengfeng')).toBe('bureau')
    expect(counterpartAt('heating', 'jinshui')).toBeNull()
  })
  it('knows no counterpart below a district, nor for codes outside the catalog', () => {
    expect(counterpartAt('urban', 'jinshui.huayuanlu')).toBeNull()
    expect(counterpartAt('urban', 'beijing')).toBeNull()
    expect(counterpartAt('constructor', 'jinshui')).toBeNull()
  })
  it('has every unit present at the city, and only its counterparts in a district', () => {
    expect(presentAt('heating', 'city')).toBe(true)
    expect(presentAt('heating', 'jinshui')).toBe(false)
    expect(presentAt('housing', 'jinshui')).toBe(true)
  })
})
