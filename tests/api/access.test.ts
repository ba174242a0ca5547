import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident, loginStaff } from '../support/actors'
import { startStack, type Stack } from '../support/stack'

let stack: Stack
let alice: Awaited<ReturnType<typeof loginResident>>
let mallory: Awaited<ReturnType<typeof loginResident>>
let caseId: string
let trackingNo: string

beforeAll(async () => {
  stack = await startStack()
  ;[alice, mallory] = await Promise.all([loginResident(stack.api, 'alice'), loginResident(stack.api, 'mallory')])
  const created = await stack.api.post(
    '/api/v1/cases',
    { content: '开发商承诺去年六月交房，到现在还没交，每月还要还房贷，租房住压力很大。', category: 'housing_delivery', region: 'jinshui', street: 'jinshui.huayuanlu', contactPhone: '13900001111', address: '某某花园5号楼' },
    { token: alice.token },
  )
  caseId = created.body.id
  trackingNo = created.body.trackingNo
})
afterAll(() => stack.close())

describe('residents see only their own cases', () => {
  it("answers another resident's case as if it did not exist", async () => {
    const response = await stack.api.get(`/api/v1/cases/${caseId}`, { token: mallory.token })
    expectError(response, 404, 'CASE_NOT_FOUND')
    expect(JSON.stringify(response.body)).not.toContain('开发商')
  })

  it('lists only their own', async () => {
    const list = await stack.api.get('/api/v1/cases', { token: mallory.token })
    expect(list.status).toBe(200)
    expect(list.body.items).toEqual([])
    const own = await stack.api.get('/api/v1/cases?mine=1', { token: alice.token })
    expect(own.body.items.map((c: any) => c.id)).toEqual([caseId])
  })

  it("cannot rate or ask to review someone else's case", async () => {
    expectError(await stack.api.post(`/api/v1/cases/${caseId}/rating`, { satisfaction: 'unsatisfied' }, { token: mallory.token }), 404, 'CASE_NOT_FOUND')
    expectError(await stack.api.post(`/api/v1/cases/${caseId}/review-request`, { reason: '我想复查别人的事' }, { token: mallory.token }), 404, 'CASE_NOT_FOUND')
  })

  it('cannot take staff actions', async () => {
    expectError(await stack.api.post(`/api/v1/cases/${caseId}/actions/accept`, {}, { token: alice.token }), 403, 'STAFF_ONLY')
  })
})

describe('staff see their jurisdiction and their unit only', () => {
  it.each([
    ['city.office', true],
    ['jinshui.office', true],
    ['jinshui.huayuanlu.office', true],
    ['housing.handler', true],
    ['erqi.office', false],
    ['heating.handler', false],
  ])('%s can see a 金水区 housing case: %s', async (username, visible) => {
    const staff = await loginStaff(stack.api, username)
    const detail = await stack.api.get(`/api/v1/cases/${caseId}`, { token: staff.token })
    expect(detail.status).toBe(visible ? 200 : 404)
    const list = await stack.api.get('/api/v1/cases', { token: staff.token })
    expect(list.body.items.some((c: any) => c.id === caseId)).toBe(visible)
  })

  it('cannot act on a case outside their jurisdiction', async () => {
    const other = await loginStaff(stack.api, 'erqi.office')
    expectError(await stack.api.post(`/api/v1/cases/${caseId}/actions/accept`, {}, { token: other.token }), 404, 'CASE_NOT_FOUND')
  })

  it('sees the contact phone masked in the detail', async () => {
    const staff = await loginStaff(stack.api, 'housing.handler')
    const detail = await stack.api.get(`/api/v1/cases/${caseId}`, { token: staff.token })
    expect(detail.body.contactPhone).toBe('139****1111')
    expect(JSON.stringify(detail.body)).not.toContain('13900001111')
  })

  it('cannot rate a case: rating is the resident\'s', async () => {
    const staff = await loginStaff(stack.api, 'housing.handler')
    expectError(await stack.api.post(`/api/v1/cases/${caseId}/rating`, { satisfaction: 'satisfied' }, { token: staff.token }), 403, 'RESIDENT_ONLY')
  })
})

describe('public tracking', () => {
  it('shows status and timeline without login and without personal data', async () => {
    const tracked = await stack.api.get(`/api/v1/track/${trackingNo}`)
    expect(tracked.status).toBe(200)
    expect(tracked.body).toMatchObject({ status: 'registered', statusLabel: '已登记', region: 'jinshui' })
    expect(tracked.body.timeline.map((e: any) => e.action)).toEqual(['submitted', 'dispatched'])
    const text = JSON.stringify(tracked.body)
    for (const secret of ['开发商', '13900001111', '1111', '某某花园', alice.user.id, caseId]) expect(text).not.toContain(secret)
  })

  it('accepts the number typed with spaces or without dashes', async () => {
    const digits = trackingNo.replaceAll('-', '')
    expect((await stack.api.get(`/api/v1/track/${digits}`)).status).toBe(200)
    expect((await stack.api.get(`/api/v1/track/${encodeURIComponent(digits.replace(/(\d{4})(\d{4})/, '$1 $2 '))}`)).status).toBe(200)
  })

  it('tells a mistyped number from an unknown one', async () => {
    const digits = trackingNo.replaceAll('-', '')
    const typo = `${digits.slice(0, 11)}${(Number(digits[11]) + 1) % 10}`
    expectError(await stack.api.get(`/api/v1/track/${typo}`), 400, 'TRACKING_NO_INVALID')
    expectError(await stack.api.get('/api/v1/track/abc'), 400, 'TRACKING_NO_INVALID')
  })
})
