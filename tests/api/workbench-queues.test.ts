import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident, loginStaff } from '../support/actors'
import { startStack, type Stack } from '../support/stack'

let stack: Stack
let resident: Awaited<ReturnType<typeof loginResident>>
const tokens: Record<string, string> = {}
let jinshuiCase: { id: string; trackingNo: string }
let erqiCase: { id: string; trackingNo: string }
let anonymousCase: { id: string; trackingNo: string }

beforeAll(async () => {
  stack = await startStack()
  // the city app gives a real-name identity: name, phone and ID number, stored encrypted
  resident = await loginResident(stack.api, 'queues', 'cityapp')
  for (const name of ['jinshui.office', 'erqi.office', 'urban.handler', 'jinshui.urban.handler', 'erqi.urban.handler', 'housing.handler', 'city.admin', 'city.supervisor', 'jinshui.huayuanlu.grid']) {
    tokens[name] = (await loginStaff(stack.api, name)).token
  }
  const submit = async (body: Record<string, unknown>) =>
    (await stack.api.post('/api/v1/cases', { content: '小区门口占道经营的摊点太多，垃圾也没人清理。', category: 'city_management', contactPhone: '13700001111', ...body }, { token: resident.token })).body
  jinshuiCase = await submit({ region: 'jinshui', street: 'jinshui.huayuanlu', title: '花园路占道经营' })
  erqiCase = await submit({ region: 'erqi', title: '解放路垃圾清运' })
  anonymousCase = await submit({ region: 'jinshui', anonymous: true, title: '匿名反映的占道问题' })
})
afterAll(() => stack.close())

const get = (who: string, url: string) => stack.api.get(url, { token: tokens[who]! })
const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id)

describe('queues and the today panel', () => {
  it('counts and lists only the jurisdiction: 待受理 moves to 待办理 on acceptance', async () => {
    const before = (await get('jinshui.office', '/api/v1/workbench/summary')).body
    expect(before.jurisdiction).toMatchObject({ region: 'jinshui', orgName: '金水区信访局' })
    expect(before.counts).toMatchObject({ to_accept: 2, to_handle: 0, overdue: 0 })
    expect(before.today).toMatchObject({ newCases: 2, closed: 0, satisfactionRate: null })
    expect(ids((await get('jinshui.office', '/api/v1/workbench/queue?bucket=to_accept')).body)).toEqual([anonymousCase.id, jinshuiCase.id])
    expect(ids((await get('erqi.office', '/api/v1/workbench/queue?bucket=to_accept')).body)).toEqual([erqiCase.id])

    await stack.api.post(`/api/v1/cases/${jinshuiCase.id}/actions/accept`, {}, { token: tokens['jinshui.office'] })
    const after = (await get('jinshui.office', '/api/v1/workbench/summary')).body
    expect(after.counts).toMatchObject({ to_accept: 1, to_handle: 1 })
    const item = (await get('jinshui.office', '/api/v1/workbench/queue?bucket=to_handle')).body.items[0]
    expect(item).toMatchObject({ id: jinshuiCase.id, status: 'accepted', deadlineState: 'ok' })
    expect(item.holders).toContain('金水区城市管理局')
  })

  it('gives a unit its own cases across districts, and nothing of another unit', async () => {
    expect(ids((await get('urban.handler', '/api/v1/workbench/queue?bucket=to_accept')).body)).toEqual(expect.arrayContaining([erqiCase.id, anonymousCase.id]))
    expect((await get('housing.handler', '/api/v1/workbench/summary')).body.counts).toMatchObject({ to_accept: 0, to_handle: 0 })
  })

  it("gives a unit's district counterpart its own district's cases, and the anonymous one without the sender", async () => {
    expect(ids((await get('jinshui.urban.handler', '/api/v1/workbench/queue?bucket=to_accept')).body)).toEqual([anonymousCase.id])
    expect(ids((await get('jinshui.urban.handler', '/api/v1/workbench/queue?bucket=to_handle')).body)).toEqual([jinshuiCase.id])
    expect(ids((await get('erqi.urban.handler', '/api/v1/workbench/queue?bucket=to_accept')).body)).toEqual([erqiCase.id])
    expect((await get('erqi.urban.handler', '/api/v1/workbench/summary')).body.counts).toMatchObject({ to_accept: 1, to_handle: 0 })
    expect((await get('jinshui.urban.handler', `/api/v1/cases/${anonymousCase.id}`)).body).toMatchObject({ resident: null, contactPhone: null })
  })

  it('refuses residents and bad buckets with readable errors', async () => {
    expectError(await stack.api.get('/api/v1/workbench/summary', { token: resident.token }), 403, 'STAFF_ONLY')
    expectError(await get('jinshui.office', '/api/v1/workbench/queue?bucket=everything'), 400, 'VALIDATION_FAILED')
  })
})

describe('search', () => {
  it('finds by tracking number, phone or keyword, within the jurisdiction only', async () => {
    const byNumber = (await get('jinshui.office', `/api/v1/workbench/search?q=${encodeURIComponent(jinshuiCase.trackingNo)}`)).body
    expect(byNumber).toMatchObject({ matchedBy: 'tracking_no' })
    expect(ids(byNumber)).toEqual([jinshuiCase.id])
    expect(ids((await get('erqi.office', `/api/v1/workbench/search?q=${encodeURIComponent(jinshuiCase.trackingNo)}`)).body)).toEqual([])

    const byPhone = (await get('jinshui.office', '/api/v1/workbench/search?q=137-0000-1111')).body
    expect(byPhone.matchedBy).toBe('phone')
    expect(ids(byPhone).sort()).toEqual([jinshuiCase.id, anonymousCase.id].sort())

    const byWord = (await get('erqi.office', `/api/v1/workbench/search?q=${encodeURIComponent('垃圾清运')}`)).body
    expect(byWord.matchedBy).toBe('keyword')
    expect(ids(byWord)).toEqual([erqiCase.id])
    // LIKE wildcards in the query are taken literally
    expect(ids((await get('erqi.office', '/api/v1/workbench/search?q=%25')).body)).toEqual([])
  })
})

describe('full personal data on an explicit tap, and the audit trail', () => {
  it('shows staff a masked resident, the full value only through reveal, and records every reveal', async () => {
    const detail = (await get('jinshui.office', `/api/v1/cases/${jinshuiCase.id}`)).body
    expect(detail.resident.phone).toMatch(/^1\d{2}\*{4}\d{4}$/)
    expect(detail.contactPhone).toBe('137****1111')

    const reveal = await stack.api.post(`/api/v1/cases/${jinshuiCase.id}/reveal`, { field: 'contactPhone', reason: '电话联系核实情况' }, { token: tokens['jinshui.office'] })
    expect(reveal.body).toMatchObject({ field: 'contactPhone', value: '13700001111' })
    const idNumber = await stack.api.post(`/api/v1/cases/${jinshuiCase.id}/reveal`, { field: 'residentIdNumber' }, { token: tokens['jinshui.office'] })
    expect(idNumber.body.value).toMatch(/^\d{17}[\dX]$/)

    expectError(await stack.api.post(`/api/v1/cases/${jinshuiCase.id}/reveal`, { field: 'contactPhone' }, { token: tokens['erqi.office'] }), 404, 'CASE_NOT_FOUND')
    expectError(await stack.api.post(`/api/v1/cases/${jinshuiCase.id}/reveal`, { field: 'contactPhone' }, { token: tokens['city.supervisor'] }), 403, 'REVEAL_NOT_ALLOWED')
    // the unit handling an anonymous case never learns who sent it
    expect((await get('urban.handler', `/api/v1/cases/${anonymousCase.id}`)).body).toMatchObject({ resident: null, contactPhone: null })
    expectError(await stack.api.post(`/api/v1/cases/${anonymousCase.id}/reveal`, { field: 'contactPhone' }, { token: tokens['urban.handler'] }), 403, 'REVEAL_NOT_ALLOWED')

    const audit = (await get('city.admin', `/api/v1/audit?caseId=${jinshuiCase.id}`)).body
    expect(audit.items).toHaveLength(2)
    expect(audit.items[0]).toMatchObject({ action: 'reveal_pii', field: 'residentIdNumber', staff: { username: 'jinshui.office' }, trackingNo: jinshuiCase.trackingNo })
    expect(audit.items[1]).toMatchObject({ field: 'contactPhone', reason: '电话联系核实情况' })
    expect(audit.items[0].ip).toBeTruthy()
    // refused reveals are not views, so they leave no entry
    expect((await get('city.admin', '/api/v1/audit')).body.items).toHaveLength(2)
    expectError(await get('jinshui.office', '/api/v1/audit'), 403, 'FORBIDDEN')
  })
})
