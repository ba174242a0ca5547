import { describe, expect, it } from 'vitest'
import { addWorkingDays } from '@xinfang/shared/deadlines'
import type { StaffActor } from '../../plugins/auth'
import { authorize, permittedActions, type CaseFacts, type Holding } from './action-policy'

const staff = (role: StaffActor['role'], unit: string, region: string, id = `s_${role}_${unit}_${region}`): StaffActor => ({ type: 'staff', id, role, unit, region })
const cn = (local: string) => new Date(`${local}+08:00`)

const ASSIGNED = cn('2026-09-29T10:00:00')
let nextId = 1
const holding = (over: Partial<Holding>): Holding => ({
  id: nextId++,
  unitCode: 'heating',
  regionCode: 'city',
  staffId: null,
  role: 'lead',
  dispatchRegion: 'city',
  assignedAt: ASSIGNED,
  objectedAt: null,
  objectionPending: false,
  ...over,
})

/** A heating case on 花园路街道, dispatched by the city to the heating company, the district office accountable too. */
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  ownerId: 'r_alice',
  place: 'jinshui.huayuanlu',
  status: 'accepted',
  assignments: [holding({}), holding({ unitCode: 'petition', regionCode: 'jinshui', role: 'territorial' })],
  infoPending: false,
  pendingExtension: null,
  extensionUsed: false,
  reviewRegion: null,
  ...over,
})

const NOW = cn('2026-09-30T09:00:00')
const verdict = (actor: StaffActor, action: Parameters<typeof authorize>[1], f: CaseFacts = facts(), now = NOW) => {
  const v = authorize(actor, action, f, now)
  return v.ok ? 'ok' : v.code
}

const cityOffice = staff('office', 'petition', 'city')
const jinshuiOffice = staff('office', 'petition', 'jinshui')
const streetOffice = staff('office', 'petition', 'jinshui.huayuanlu')
const heating = staff('handler', 'heating', 'city')
const heatingJinshui = staff('handler', 'heating', 'jinshui')
const housing = staff('handler', 'housing', 'city')
const grid = staff('grid', 'petition', 'jinshui.huayuanlu.nongyeyuan.g01', 's_grid')

describe('who may handle a case', () => {
  it('lets the holding unit and its district branch reply, and no other unit', () => {
    expect(verdict(heating, 'reply')).toBe('ok')
    expect(verdict(heatingJinshui, 'reply')).toBe('ok')
    expect(verdict(housing, 'reply')).toBe('NOT_HOLDER')
    expect(verdict(staff('handler', 'heating', 'erqi'), 'reply')).toBe('NOT_HOLDER')
  })

  it('lets petition offices handle what lies in their jurisdiction, not a neighbour', () => {
    for (const office of [cityOffice, jinshuiOffice, streetOffice]) expect(verdict(office, 'reply')).toBe('ok')
    expect(verdict(staff('office', 'petition', 'erqi'), 'reply')).toBe('NOT_HOLDER')
    expect(verdict(staff('office', 'petition', 'jinshui.jingbalu'), 'reply')).toBe('NOT_HOLDER')
  })

  it('does not let an oversight-only unit act as the handler', () => {
    const overseen = facts({ assignments: [holding({ role: 'oversight' })] })
    expect(verdict(heating, 'reply', overseen)).toBe('NOT_HOLDER')
  })

  it('refuses by role before state, and gives admins and supervisors no handling', () => {
    expect(verdict(staff('admin', 'petition', 'city'), 'reply')).toBe('FORBIDDEN')
    expect(verdict(staff('supervisor', 'petition', 'city'), 'accept', facts({ status: 'replied' }))).toBe('FORBIDDEN')
    expect(verdict(staff('supervisor', 'petition', 'city'), 'supervise')).toBe('ok')
    expect(verdict(heating, 'accept')).toBe('INVALID_TRANSITION')
  })

  it('lets a grid member mediate in their area and report only what was handed to them', () => {
    const onTheirGrid = facts({ status: 'registered', place: 'jinshui.huayuanlu.nongyeyuan.g01' })
    expect(verdict(grid, 'start_mediation', onTheirGrid)).toBe('ok')
    expect(verdict(grid, 'start_mediation', facts({ status: 'registered' }))).toBe('NOT_HOLDER')
    expect(verdict(grid, 'report_verification', onTheirGrid)).toBe('NOT_HOLDER')
    const handedOver = facts({ assignments: [...facts().assignments, holding({ staffId: 's_grid', role: 'verify', unitCode: 'petition', regionCode: grid.region })] })
    expect(verdict(grid, 'report_verification', handedOver)).toBe('ok')
    expect(verdict(grid, 'reply', handedOver)).toBe('FORBIDDEN')
  })
})

describe('cases dispatched to the district', () => {
  const urbanJinshui = staff('handler', 'urban', 'jinshui')
  const counterpartCase = facts({
    status: 'registered',
    assignments: [holding({ unitCode: 'urban', regionCode: 'jinshui' }), holding({ unitCode: 'petition', regionCode: 'jinshui', role: 'oversight' })],
  })

  it("lets the district counterpart accept, the city unit supervising it too, and not another district's", () => {
    expect(verdict(urbanJinshui, 'accept', counterpartCase)).toBe('ok')
    expect(verdict(staff('handler', 'urban', 'city'), 'accept', counterpartCase)).toBe('ok')
    expect(verdict(staff('handler', 'urban', 'erqi'), 'accept', counterpartCase)).toBe('NOT_HOLDER')
    expect(verdict(staff('handler', 'housing', 'jinshui'), 'accept', counterpartCase)).toBe('NOT_HOLDER')
  })

  it("sends the counterpart's extension to the district office above it", () => {
    const asked = facts({ ...counterpartCase, status: 'accepted', pendingExtension: { staffId: urbanJinshui.id, unit: 'urban', region: 'jinshui' }, extensionUsed: true })
    expect(verdict(jinshuiOffice, 'decide_extension', asked)).toBe('ok')
    expect(verdict(staff('office', 'petition', 'erqi'), 'decide_extension', asked)).toBe('NOT_HOLDER')
  })

  it('lets the city unit co-owning a district office\'s case act on it as a holder: accept, object, reply', () => {
    const transport = staff('handler', 'transport', 'city')
    const coOwned = facts({
      status: 'registered',
      assignments: [holding({ unitCode: 'petition', regionCode: 'jinshui' }), holding({ unitCode: 'transport', regionCode: 'city', role: 'co_owner' })],
    })
    expect(permittedActions(transport, coOwned, NOW)).toEqual(expect.arrayContaining(['accept', 'object']))
    expect(verdict(transport, 'reply', { ...coOwned, status: 'accepted' })).toBe('ok')
    expect(verdict(jinshuiOffice, 'accept', coOwned)).toBe('ok')
    expect(verdict(staff('handler', 'transport', 'zhongmou'), 'accept', coOwned)).toBe('NOT_HOLDER')
  })
})

describe('objections (异议)', () => {
  it('are open to the holding unit for 5 working days of the assignment, counted over the National Day holiday', () => {
    // assigned Tue 29 Sep; 1–7 Oct are holidays, so the window runs well past 4 Oct
    const windowEnd = addWorkingDays(ASSIGNED, 5)
    expect(windowEnd.getTime()).toBeGreaterThan(cn('2026-10-08T00:00:00').getTime())
    expect(verdict(heating, 'object', facts(), cn('2026-10-06T12:00:00'))).toBe('ok')
    expect(verdict(heating, 'object', facts(), new Date(windowEnd.getTime() + 1))).toBe('OBJECTION_WINDOW_CLOSED')
    expect(verdict(housing, 'object')).toBe('NOT_HOLDER')
  })

  it('are not raised twice, and are decided by the office that dispatched the case or one above it', () => {
    const objected = facts({ assignments: [holding({ objectedAt: NOW, objectionPending: true })] })
    expect(verdict(heating, 'object', objected)).toBe('NOT_HOLDER')
    expect(verdict(cityOffice, 'decide_objection', objected)).toBe('ok')
    expect(verdict(jinshuiOffice, 'decide_objection', objected)).toBe('FORBIDDEN')
    const dispatchedByDistrict = facts({ assignments: [holding({ regionCode: 'jinshui', dispatchRegion: 'jinshui', objectedAt: NOW, objectionPending: true })] })
    expect(verdict(jinshuiOffice, 'decide_objection', dispatchedByDistrict)).toBe('ok')
    expect(verdict(cityOffice, 'decide_objection', facts())).toBe('OBJECTION_PENDING')
  })
})

describe('extensions (延期)', () => {
  const askedBy = (who: StaffActor) => facts({ pendingExtension: { staffId: who.id, unit: who.unit, region: who.region }, extensionUsed: true })

  it('are asked for once', () => {
    expect(verdict(heating, 'request_extension')).toBe('ok')
    expect(verdict(heating, 'request_extension', facts({ extensionUsed: true }))).toBe('EXTENSION_ONCE')
  })

  it('are approved by the level above: a street by its district, a city department by the city office or a leader', () => {
    expect(verdict(jinshuiOffice, 'decide_extension', askedBy(streetOffice))).toBe('ok')
    expect(verdict(streetOffice, 'decide_extension', askedBy(streetOffice))).toBe('APPROVER_NOT_ABOVE')
    expect(verdict(cityOffice, 'decide_extension', askedBy(heating))).toBe('ok')
    expect(verdict(staff('leader', 'petition', 'city'), 'decide_extension', askedBy(heating))).toBe('ok')
    expect(verdict(jinshuiOffice, 'decide_extension', askedBy(heating))).toBe('APPROVER_NOT_ABOVE')
    expect(verdict(heating, 'decide_extension', askedBy(heating))).toBe('FORBIDDEN')
    expect(verdict(cityOffice, 'decide_extension')).toBe('EXTENSION_NOT_PENDING')
    // the city office's own request goes to a city leader, not to a colleague
    expect(verdict(staff('leader', 'petition', 'city'), 'decide_extension', askedBy(cityOffice))).toBe('ok')
    expect(verdict(staff('office', 'petition', 'city', 's_colleague'), 'decide_extension', askedBy(cityOffice))).toBe('APPROVER_NOT_ABOVE')
  })
})

describe('re-review (复核)', () => {
  it('goes to the level above the one that decided the review', () => {
    const reviewedByDistrict = facts({ status: 'rereview_requested', reviewRegion: 'jinshui' })
    expect(verdict(cityOffice, 'accept_rereview', reviewedByDistrict)).toBe('ok')
    expect(verdict(jinshuiOffice, 'accept_rereview', reviewedByDistrict)).toBe('FORBIDDEN')
    const reviewedByStreet = facts({ status: 'rereviewing', reviewRegion: 'jinshui.huayuanlu' })
    expect(verdict(jinshuiOffice, 'decide_rereview', reviewedByStreet)).toBe('ok')
    expect(verdict(streetOffice, 'decide_rereview', reviewedByStreet)).toBe('FORBIDDEN')
  })
})

describe('permittedActions', () => {
  it('offers exactly the actions authorize allows', () => {
    expect(permittedActions(heating, facts(), NOW)).toEqual(['object', 'request_info', 'request_extension', 'reply'])
    expect(permittedActions(heating, facts({ infoPending: true, extensionUsed: true }), NOW)).toEqual(['object', 'reply'])
    expect(permittedActions(staff('supervisor', 'petition', 'jinshui'), facts(), NOW)).toEqual(['supervise'])
    expect(permittedActions(staff('admin', 'petition', 'city'), facts(), NOW)).toEqual([])
  })
})
