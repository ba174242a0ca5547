import { describe, expect, it } from 'vitest'
import { zoneEntryOf, zoneScene } from './zone-link'

describe('opening a zone from a link or a QR code', () => {
  it('reads the H5 and Alipay query and the WeChat scene alike', () => {
    const expected = { zone: 'housing', picked: { projectId: 'hp-jinshui-jinxiu' } }
    expect(zoneEntryOf({ zone: 'housing', pick: 'hp-jinshui-jinxiu' })).toEqual(expected)
    expect(zoneEntryOf({ scene: zoneScene('housing', 'hp-jinshui-jinxiu') })).toEqual(expected)
    expect(zoneEntryOf({ scene: 'heating:hs-jinshui-0101' })).toEqual({ zone: 'heating', picked: { stationCode: 'hs-jinshui-0101' } })
  })

  it('opens a zone without a pick, and drops a pick the zone has no field for or that looks wrong', () => {
    expect(zoneEntryOf({ zone: 'wages' })).toEqual({ zone: 'wages', picked: {} })
    expect(zoneEntryOf({ zone: 'wages', pick: 'hp-jinshui-jinxiu' })).toEqual({ zone: 'wages', picked: {} })
    expect(zoneEntryOf({ zone: 'housing', pick: '<script>' })).toEqual({ zone: 'housing', picked: {} })
    expect(zoneEntryOf({ zone: 'parking' })).toBeNull()
    expect(zoneEntryOf({})).toBeNull()
  })

  it('keeps a WeChat scene within 32 characters', () => {
    expect(() => zoneScene('housing', 'hp-a-project-id-that-is-far-too-long')).toThrow(RangeError)
  })
})
