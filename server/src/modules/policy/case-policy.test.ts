import { describe, expect, it } from 'vitest'
import type { StaffActor } from '../../plugins/auth'
import { canSeeCase, type CaseScope } from './case-policy'

const staff = (role: StaffActor['role'], unit: string, region: string): StaffActor => ({ type: 'staff', id: 's1', role, unit, region })

const heatingInJinshui: CaseScope = {
  ownerId: 'r_alice',
  place: 'jinshui.huayuanlu',
  assignments: [
    { unitCode: 'heating', regionCode: 'city', staffId: null },
    { unitCode: 'petition', regionCode: 'jinshui', staffId: null },
  ],
}

describe('canSeeCase', () => {
  it('lets a resident see only their own case', () => {
    expect(canSeeCase({ type: 'resident', id: 'r_alice' }, heatingInJinshui)).toBe(true)
    expect(canSeeCase({ type: 'resident', id: 'r_bob' }, heatingInJinshui)).toBe(false)
  })

  it('lets offices see their subtree: city, the district, the street, but not a sibling district or street', () => {
    expect(canSeeCase(staff('office', 'petition', 'city'), heatingInJinshui)).toBe(true)
    expect(canSeeCase(staff('office', 'petition', 'jinshui'), heatingInJinshui)).toBe(true)
    expect(canSeeCase(staff('office', 'petition', 'jinshui.huayuanlu'), heatingInJinshui)).toBe(true)
    expect(canSeeCase(staff('office', 'petition', 'erqi'), heatingInJinshui)).toBe(false)
    expect(canSeeCase(staff('office', 'petition', 'jinshui.jingbalu'), heatingInJinshui)).toBe(false)
  })

  it('lets the assigned unit see it, and no other unit', () => {
    expect(canSeeCase(staff('handler', 'heating', 'city'), heatingInJinshui)).toBe(true)
    expect(canSeeCase(staff('handler', 'housing', 'city'), heatingInJinshui)).toBe(false)
  })

  it("lets a unit's district branch see its city unit's cases in that district only", () => {
    expect(canSeeCase(staff('handler', 'heating', 'jinshui'), heatingInJinshui)).toBe(true)
    expect(canSeeCase(staff('handler', 'heating', 'erqi'), heatingInJinshui)).toBe(false)
  })

  it("lets a district counterpart's case be seen by that counterpart and its city unit, not by another district's", () => {
    const urbanInJinshui: CaseScope = { ...heatingInJinshui, assignments: [{ unitCode: 'urban', regionCode: 'jinshui', staffId: null }, { unitCode: 'petition', regionCode: 'jinshui', staffId: null }] }
    expect(canSeeCase(staff('handler', 'urban', 'jinshui'), urbanInJinshui)).toBe(true)
    expect(canSeeCase(staff('handler', 'urban', 'city'), urbanInJinshui)).toBe(true)
    expect(canSeeCase(staff('handler', 'urban', 'erqi'), urbanInJinshui)).toBe(false)
    expect(canSeeCase(staff('handler', 'housing', 'jinshui'), urbanInJinshui)).toBe(false)
  })

  it('does not give a handler jurisdiction over everything in their region', () => {
    const unassigned = { ...heatingInJinshui, assignments: [{ unitCode: 'petition', regionCode: 'city', staffId: null }] }
    expect(canSeeCase(staff('handler', 'housing', 'jinshui'), unassigned)).toBe(false)
  })

  it('sends a case with no place only to the city level and the assigned units', () => {
    const nowhere: CaseScope = { ownerId: 'r_alice', place: null, assignments: [{ unitCode: 'petition', regionCode: 'city', staffId: null }] }
    expect(canSeeCase(staff('office', 'petition', 'city'), nowhere)).toBe(true)
    expect(canSeeCase(staff('office', 'petition', 'jinshui'), nowhere)).toBe(false)
  })
})
