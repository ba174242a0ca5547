import { describe, expect, it } from 'vitest'
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
  it("names a department's district counterpart, and a company's district branch", () => {
    expect(orgName('housing', 'jinshui')).toBe('金水区住房和城乡建设局')
    expect(orgName('heating', 'jinshui')).toBe('郑州热力集团有限公司（金水区）')
  })
})
