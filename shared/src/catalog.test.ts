import { describe, it, expect } from 'vitest'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'
import {
  REGION_CODES,
  REGIONS,
  UNIT_CODES,
  UNITS,
  ZONE_CODES,
  ZONES,
  isRegionCode,
  isUnitCode,
  isZoneCode,
  regionName,
  unitName,
  zoneLeadUnit,
  zoneName,
  zoneUnits,
  type UnitCode,
} from './catalog'

describe('catalog contract', () => {
  it('holds exactly the contracted unit codes, in contract order', () => {
    expect(UNIT_CODES).toEqual([
      'petition', 'housing', 'hrss', 'heating', 'urban', 'police', 'justice', 'court', 'ecoenv',
      'market', 'transport', 'education', 'health', 'medsec', 'civil', 'landplan', 'agri',
    ])
    expect(UNITS.every((u) => u.name.length > 0 && u.matters.length > 0)).toBe(true)
  })

  it('holds exactly the 16 contracted regions', () => {
    expect(REGION_CODES).toEqual([
      'zhongyuan', 'erqi', 'guancheng', 'jinshui', 'shangjie', 'huiji', 'zhengdong', 'gaoxin',
      'jingkai', 'hangkonggang', 'zhongmou', 'gongyi', 'xingyang', 'xinmi', 'xinzheng', 'dengfeng',
    ])
    expect(new Set(REGIONS.map((r) => r.name)).size).toBe(16)
  })

  it('tells the 区 of the city from the counties and county-level cities, each with the short name its branches carry', () => {
    expect(REGIONS.filter((r) => r.kind === 'county').map((r) => r.code)).toEqual(['zhongmou', 'gongyi', 'xingyang', 'xinmi', 'xinzheng', 'dengfeng'])
    expect(REGIONS.every((r) => r.short.length > 0 && r.name.startsWith(r.short))).toBe(true)
  })

  it('holds the four zones with their lead units', () => {
    expect(ZONES.map((z) => [z.code, z.name, z.lead])).toEqual([
      ['housing', '楼盘交付', 'housing'],
      ['wages', '工资拖欠', 'hrss'],
      ['legal', '政法服务', 'justice'],
      ['heating', '冬季供暖', 'heating'],
    ])
    expect(ZONE_CODES).toEqual(['housing', 'wages', 'legal', 'heating'])
  })
})

describe('guards and lookups', () => {
  it('accepts contract codes and rejects everything else', () => {
    expect(isUnitCode('hrss')).toBe(true)
    expect(isUnitCode('HRSS')).toBe(false)
    expect(isUnitCode('wages')).toBe(false)
    expect(isUnitCode(undefined)).toBe(false)
    expect(isRegionCode('jinshui')).toBe(true)
    expect(isRegionCode('jinshui.huayuanlu')).toBe(false)
    expect(isZoneCode('legal')).toBe(true)
    expect(isZoneCode('justice')).toBe(false)
    expect(isZoneCode(42)).toBe(false)
  })

  it('names codes in Chinese', () => {
    expect(unitName('heating')).toBe('郑州热力集团有限公司')
    expect(unitName('medsec')).toBe('郑州市医疗保障局')
    expect(regionName('guancheng')).toBe('管城回族区')
    expect(regionName('hangkonggang')).toBe('航空港区')
    expect(zoneName('wages')).toBe('工资拖欠')
  })

  it('knows who leads each zone and who else may take legal-zone cases', () => {
    expect(zoneLeadUnit('housing')).toBe('housing')
    expect(zoneLeadUnit('wages')).toBe('hrss')
    expect(zoneLeadUnit('legal')).toBe('justice')
    expect(zoneLeadUnit('heating')).toBe('heating')
    expect(zoneUnits('legal')).toEqual(['justice', 'police', 'court'])
    expect(zoneUnits('wages')).toEqual(['hrss'])
  })
})

describe('use in TypeBox schemas', () => {
  it('builds an enum schema that validates exactly the codes', () => {
    const UnitCodeSchema = Type.Enum(UNIT_CODES)
    // Compile-time check: the inferred static type is the code union, not string.
    const typed: Static<typeof UnitCodeSchema> = 'civil' satisfies UnitCode
    expect(Value.Check(UnitCodeSchema, typed)).toBe(true)
    expect(Value.Check(UnitCodeSchema, 'nope')).toBe(false)
  })

  it('builds a literal union schema from the region tuple', () => {
    const RegionSchema = Type.Union(REGION_CODES.map((c) => Type.Literal(c)))
    expect(Value.Check(RegionSchema, 'xinzheng')).toBe(true)
    expect(Value.Check(RegionSchema, 'zhengzhou')).toBe(false)
  })
})
