import { describe, it, expect } from 'vitest'
import { REGION_CODES } from './catalog'
import {
  PLACES,
  ancestorsOf,
  communitiesOf,
  districtOf,
  fullPlaceName,
  gridsOf,
  isKnownPlace,
  isPlaceCode,
  isWithin,
  parentOf,
  placeLevel,
  placeName,
  streetsOf,
} from './places'

const GRID = 'jinshui.huayuanlu.nongyeyuan.g01'

describe('seed data', () => {
  it('gives every district at least four streets or townships', () => {
    for (const region of REGION_CODES) {
      expect(streetsOf(region).length, region).toBeGreaterThanOrEqual(4)
    }
  })

  it('gives every district a street with two communities, each with two grids', () => {
    for (const region of REGION_CODES) {
      const withCommunities = streetsOf(region).filter((s) => communitiesOf(s.code).length >= 2)
      expect(withCommunities.length, region).toBeGreaterThanOrEqual(1)
      for (const street of withCommunities) {
        for (const community of communitiesOf(street.code)) {
          expect(gridsOf(community.code).map((g) => g.code.split('.').pop())).toEqual(['g01', 'g02'])
        }
      }
    }
  })

  it('has unique codes whose parents exist and whose level matches their depth', () => {
    const codes = PLACES.map((p) => p.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const place of PLACES) {
      expect(placeLevel(place.code)).toBe(place.level)
      expect(parentOf(place.code)).toBe(place.parent)
      if (place.parent) expect(isKnownPlace(place.parent)).toBe(true)
    }
  })

  it('ships real street names with pinyin codes', () => {
    expect(streetsOf('jinshui').map((s) => s.name)).toEqual(
      expect.arrayContaining(['花园路街道', '经八路街道', '人民路街道', '杜岭街道', '文化路街道']),
    )
    expect(placeName('zhongyuan.linshanzhai')).toBe('林山寨街道')
    expect(placeName('xinzheng.longhu')).toBe('龙湖镇')
    expect(placeName('xinzheng.xuedian')).toBe('薛店镇')
  })
})

describe('structure', () => {
  it('reads the level from the depth of the code', () => {
    expect(placeLevel('city')).toBe('city')
    expect(placeLevel('jinshui')).toBe('district')
    expect(placeLevel('jinshui.huayuanlu')).toBe('street')
    expect(placeLevel('jinshui.huayuanlu.nongyeyuan')).toBe('community')
    expect(placeLevel(GRID)).toBe('grid')
    expect(placeLevel(`${GRID}.x`)).toBeNull()
    expect(placeLevel('beijing.chaoyang')).toBeNull()
    expect(placeLevel('jinshui..x')).toBeNull()
    expect(placeLevel('Jinshui')).toBeNull()
  })

  it('walks up to the city', () => {
    expect(parentOf(GRID)).toBe('jinshui.huayuanlu.nongyeyuan')
    expect(parentOf('jinshui')).toBe('city')
    expect(parentOf('city')).toBeNull()
    expect(ancestorsOf(GRID)).toEqual([
      'city', 'jinshui', 'jinshui.huayuanlu', 'jinshui.huayuanlu.nongyeyuan',
    ])
    expect(ancestorsOf('jinshui')).toEqual(['city'])
    expect(ancestorsOf('city')).toEqual([])
  })

  it('works on well-formed codes the seed does not know (added by the server)', () => {
    const added = 'erqi.jiefanglu.qiantanglu.g07'
    expect(isKnownPlace(added)).toBe(false)
    expect(isPlaceCode(added)).toBe(true)
    expect(placeLevel(added)).toBe('grid')
    expect(districtOf(added)).toBe('erqi')
    expect(isWithin(added, 'erqi.jiefanglu')).toBe(true)
    expect(placeName(added)).toBeNull()
    expect(fullPlaceName(added)).toBeNull()
  })

  it('decides jurisdiction by whole segments', () => {
    expect(isWithin(GRID, 'city')).toBe(true)
    expect(isWithin('jinshui', 'city')).toBe(true)
    expect(isWithin('city', 'city')).toBe(true)
    expect(isWithin(GRID, 'jinshui')).toBe(true)
    expect(isWithin(GRID, 'jinshui.huayuanlu')).toBe(true)
    expect(isWithin(GRID, GRID)).toBe(true)
    expect(isWithin('jinshui', GRID)).toBe(false)
    expect(isWithin('city', 'jinshui')).toBe(false)
    expect(isWithin('jinshui.huayuanlu', 'jinshui.huayuan')).toBe(false)
    expect(isWithin('jinshui.huayuanlu2', 'jinshui.huayuanlu')).toBe(false)
    expect(isWithin('jinshui2', 'jinshui')).toBe(false)
    expect(isWithin('erqi.jiefanglu', 'jinshui')).toBe(false)
    expect(isWithin('jinshui.x', 'jinshui.')).toBe(false)
  })

  it('finds the district', () => {
    expect(districtOf(GRID)).toBe('jinshui')
    expect(districtOf('dengfeng')).toBe('dengfeng')
    expect(districtOf('city')).toBeNull()
    expect(districtOf('jinshui2.x')).toBeNull()
  })
})

describe('names', () => {
  it('names places and writes full names from the district down', () => {
    expect(placeName('city')).toBe('郑州市')
    expect(placeName(GRID)).toBe('农业院社区第一网格')
    expect(fullPlaceName('jinshui.huayuanlu.nongyeyuan')).toBe('金水区花园路街道农业院社区')
    expect(fullPlaceName('jinshui.huayuanlu.nongyeyuan.g02')).toBe('金水区花园路街道农业院社区第二网格')
    expect(fullPlaceName('guancheng')).toBe('管城回族区')
    expect(fullPlaceName('city')).toBe('郑州市')
  })

  it('lists children only at the matching level', () => {
    expect(communitiesOf('jinshui.huayuanlu').map((c) => c.code)).toEqual([
      'jinshui.huayuanlu.nongyeyuan', 'jinshui.huayuanlu.nongkelu',
    ])
    expect(gridsOf('jinshui.huayuanlu.nongyeyuan').map((g) => g.name)).toEqual([
      '农业院社区第一网格', '农业院社区第二网格',
    ])
    expect(communitiesOf('jinshui')).toEqual([])
    expect(gridsOf('jinshui.huayuanlu')).toEqual([])
  })
})
