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
  const named = (pairs: readonly (readonly [string, string, string])[]) => {
    for (const [unit, region, name] of pairs) expect(orgName(unit, region), `${unit} at ${region}`).toBe(name)
  }
  it("names a district's own bureau after the district", () => {
    named([
      ['housing', 'jinshui', '金水区住房和城乡建设局'],
      ['urban', 'guancheng', '管城回族区城市管理局'],
      ['health', 'erqi', '二七区卫生健康委员会'],
      ['transport', 'zhongmou', '中牟县交通运输局'],
      ['police', 'gongyi', '巩义市公安局'],
      ['landplan', 'xinzheng', '新郑市自然资源和规划局'],
    ])
  })
  it("names a city unit's branch by the district's short name", () => {
    named([
      ['police', 'jinshui', '郑州市公安局金水分局'],
      ['police', 'guancheng', '郑州市公安局管城分局'],
      ['police', 'zhengdong', '郑州市公安局郑东新区分局'],
      ['ecoenv', 'shangjie', '郑州市生态环境局上街分局'],
      ['ecoenv', 'zhongmou', '郑州市生态环境局中牟分局'],
      ['landplan', 'erqi', '郑州市自然资源和规划局二七分局'],
    ])
  })
  it('names a unit with no counterpart as itself, with the place it acts in', () => {
    named([
      ['heating', 'jinshui', '郑州热力集团有限公司（金水区）'],
      ['court', 'erqi', '郑州市中级人民法院（二七区）'],
    ])
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
