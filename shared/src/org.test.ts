import { describe, expect, it } from 'vitest'
import { REGION_CODES, UNIT_CODES } from './catalog'
import { counterpartAt } from './counterparts'
import { orgName } from './org'

describe('orgName', () => {
  it('names the city-level unit as in the catalog', () => {
    expect(orgName('petition', 'city')).toBe('郑州市信访局')
    expect(orgName('heating', 'city')).toBe('郑州热力集团有限公司')
  })
  it('names a district petition office and a street petition desk', () => {
    expect(orgName('petition', 'jinshui')).toBe('金水区信访局')
    expect(orgName('petition', 'jinshui.huayuanlu')).toBe('金水区花园路街道信访办')
  })
  it("names a district's own bureau after the district", () => {
    expect(orgName('housing', 'jinshui')).toBe('金水区住房和城乡建设局')
    expect(orgName('urban', 'guancheng')).toBe('管城回族区城市管理局')
    expect(orgName('health', 'erqi')).toBe('二七区卫生健康委员会')
    expect(orgName('transport', 'zhongmou')).toBe('中牟县交通运输局')
    expect(orgName('police', 'gongyi')).toBe('巩义市公安局')
    expect(orgName('landplan', 'xinzheng')).toBe('新郑市自然资源和规划局')
  })
  it("names a city unit's branch by the district's short name", () => {
    expect(orgName('police', 'jinshui')).toBe('郑州市公安局金水分局')
    expect(orgName('police', 'guancheng')).toBe('郑州市公安局管城分局')
    expect(orgName('police', 'zhengdong')).toBe('郑州市公安局郑东新区分局')
    expect(orgName('ecoenv', 'shangjie')).toBe('郑州市生态环境局上街分局')
    expect(orgName('ecoenv', 'zhongmou')).toBe('郑州市生态环境局中牟分局')
    expect(orgName('landplan', 'erqi')).toBe('郑州市自然资源和规划局二七分局')
  })
  it('names a unit with no counterpart as itself, with the place it acts in', () => {
    expect(orgName('heating', 'jinshui')).toBe('郑州热力集团有限公司（金水区）')
    expect(orgName('court', 'erqi')).toBe('郑州市中级人民法院（二七区）')
  })
  it('names every counterpart as a body of its own, never as the city unit with a place beside it', () => {
    for (const unit of UNIT_CODES) {
      for (const region of REGION_CODES) {
        if (unit === 'petition' || !counterpartAt(unit, region)) continue
        const name = orgName(unit, region)
        expect(name.startsWith('郑州市') ? /分局$/.test(name) : !name.includes('郑州市'), name).toBe(true)
        expect(name, name).not.toMatch(/（/)
      }
    }
  })
})
