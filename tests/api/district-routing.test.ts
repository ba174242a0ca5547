import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident, loginStaff } from '../support/actors'
import { startStack, type Stack } from '../support/stack'

let stack: Stack
let resident: Awaited<ReturnType<typeof loginResident>>
const tokens: Record<string, string> = {}
const STAFF = ['jinshui.urban.handler', 'erqi.urban.handler', 'jinshui.housing.handler', 'urban.handler', 'jinshui.office', 'erqi.office', 'transport.handler', 'zhongmou.transport.handler']

beforeAll(async () => {
  stack = await startStack()
  resident = await loginResident(stack.api, 'district-routing')
  for (const name of STAFF) tokens[name] = (await loginStaff(stack.api, name)).token
})
afterAll(() => stack.close())

const as = (who: string) => ({ token: tokens[who]! })
const submit = async (body: Record<string, unknown>) => {
  const created = await stack.api.post('/api/v1/cases', body, { token: resident.token })
  expect(created.status).toBe(201)
  return created.body as { id: string; assignments: { unit: string; region: string; role: string; unitName: string; roleLabel: string }[] }
}
const held = (c: { assignments: { unitName: string; roleLabel: string }[] }) => c.assignments.map((a) => [a.unitName, a.roleLabel])
const queue = async (who: string, bucket: string) => ((await stack.api.get(`/api/v1/workbench/queue?bucket=${bucket}`, as(who))).body.items as { id: string }[]).map((i) => i.id)
const dispatchNote = async (id: string) => ((await stack.api.get(`/api/v1/cases/${id}`, { token: resident.token })).body.timeline as { action: string; note: string }[]).find((e) => e.action === 'dispatched')!.note

describe('a local matter in a district', () => {
  it("goes to the unit's counterpart there, whose handler finds it in the workbench and accepts it; another district's does not see it", async () => {
    const created = await submit({ content: '花园路上的流动摊点天天占道经营，晚上油烟和垃圾没人管。', category: 'city_management', region: 'jinshui', street: 'jinshui.huayuanlu' })
    expect(created.assignments.map((a) => [a.unit, a.region, a.role])).toEqual([
      ['urban', 'jinshui', 'lead'],
      ['petition', 'jinshui', 'oversight'],
    ])
    expect(held(created)).toEqual([
      ['金水区城市管理局', '承办单位'],
      ['金水区信访局', '属地督办'],
    ])
    expect(await dispatchNote(created.id)).toContain('属地事项由所在区县的对口部门承办')

    const summary = (await stack.api.get('/api/v1/workbench/summary', as('jinshui.urban.handler'))).body
    expect(summary.jurisdiction).toMatchObject({ unit: 'urban', region: 'jinshui', orgName: '金水区城市管理局' })
    expect(await queue('jinshui.urban.handler', 'to_accept')).toContain(created.id)
    expect((await stack.api.get(`/api/v1/cases/${created.id}`, as('jinshui.urban.handler'))).body.allowedActions).toContain('accept')

    expect(await queue('erqi.urban.handler', 'to_accept')).not.toContain(created.id)
    expectError(await stack.api.get(`/api/v1/cases/${created.id}`, as('erqi.urban.handler')), 404, 'CASE_NOT_FOUND')
    expectError(await stack.api.post(`/api/v1/cases/${created.id}/actions/accept`, {}, as('erqi.urban.handler')), 404, 'CASE_NOT_FOUND')
    expectError(await stack.api.get(`/api/v1/cases/${created.id}`, as('jinshui.housing.handler')), 404, 'CASE_NOT_FOUND')
    // the city bureau still sees what its district counterparts hold
    expect(await queue('urban.handler', 'to_accept')).toContain(created.id)

    const accepted = await stack.api.post(`/api/v1/cases/${created.id}/actions/accept`, {}, as('jinshui.urban.handler'))
    expect(accepted.status).toBe(200)
    expect(accepted.body.status).toBe('accepted')
    expect(await queue('jinshui.urban.handler', 'to_handle')).toContain(created.id)
    expect((await stack.api.get(`/api/v1/cases/${created.id}`, { token: resident.token })).body.timeline.at(-1)).toMatchObject({ action: 'accepted' })
  })

  it('goes to the district petition office, with the city unit as co-owner, where the unit has no counterpart in the district', async () => {
    const created = await submit({ content: '农科路上的公交站被撤了，附近老人坐车要多走两站路，希望恢复。', category: 'transport', region: 'jinshui', street: 'jinshui.huayuanlu' })
    expect(created.assignments.map((a) => [a.unit, a.region, a.role])).toEqual([
      ['petition', 'jinshui', 'lead'],
      ['transport', 'city', 'co_owner'],
    ])
    expect(held(created)).toEqual([
      ['金水区信访局', '承办单位'],
      ['郑州市交通运输局', '共同承办单位'],
    ])
    expect(await dispatchNote(created.id)).toContain('由区县信访局牵头、市级单位共同承办')

    // both see it waiting and may act on it: the city bureau accepts, the district office replies
    expect(await queue('jinshui.office', 'to_accept')).toContain(created.id)
    expect(await queue('transport.handler', 'to_accept')).toContain(created.id)
    expect((await stack.api.get(`/api/v1/cases/${created.id}`, as('transport.handler'))).body.allowedActions).toEqual(expect.arrayContaining(['accept', 'object']))
    expect((await stack.api.post(`/api/v1/cases/${created.id}/actions/accept`, {}, as('transport.handler'))).status).toBe(200)
    const replied = await stack.api.post(`/api/v1/cases/${created.id}/actions/reply`, { text: '经与市交通运输局、公交集团会商，站点将于下月恢复设置。', outcome: 'supported' }, as('jinshui.office'))
    expect(replied.status).toBe(200)
    expect(replied.body.status).toBe('replied')

    expectError(await stack.api.get(`/api/v1/cases/${created.id}`, as('erqi.office')), 404, 'CASE_NOT_FOUND')
    expectError(await stack.api.get(`/api/v1/cases/${created.id}`, as('zhongmou.transport.handler')), 404, 'CASE_NOT_FOUND')
  })

  it('goes through the same decision when the assistant dispatches it from the text alone', async () => {
    const created = await submit({ content: '花园路街道农业院社区门口的井盖丢了，晚上很危险，已经有人摔倒了。' })
    expect(created.assignments.map((a) => [a.unit, a.region, a.role])).toEqual([
      ['urban', 'jinshui', 'lead'],
      ['petition', 'jinshui', 'oversight'],
    ])
    expect(await queue('jinshui.urban.handler', 'to_accept')).toContain(created.id)
  })
})

describe('a matter with no district given', () => {
  it('goes to the city unit, which no district counterpart sees', async () => {
    const created = await submit({ content: '小区门口占道经营的摊点太多，垃圾也没人清理。', category: 'city_management' })
    expect(created.assignments.map((a) => [a.unit, a.region, a.role])).toEqual([
      ['urban', 'city', 'lead'],
      ['petition', 'city', 'oversight'],
    ])
    expect(await queue('urban.handler', 'to_accept')).toContain(created.id)
    expectError(await stack.api.get(`/api/v1/cases/${created.id}`, as('jinshui.urban.handler')), 404, 'CASE_NOT_FOUND')
  })
})

describe('handing a case on by hand', () => {
  it('offers and accepts a unit at the district only where it has a counterpart there', async () => {
    const created = await submit({ content: '小区楼下的烧烤店油烟直排，晚上十二点还很吵。', category: 'pollution', region: 'jinshui', street: 'jinshui.huayuanlu' })
    expect(held(created)[0]).toEqual(['郑州市生态环境局金水分局', '承办单位'])
    const options = (await stack.api.get(`/api/v1/workbench/assignees?caseId=${created.id}`, as('jinshui.office'))).body
    expect(options.units).toContainEqual({ unit: 'police', region: 'jinshui', name: '郑州市公安局金水分局' })
    expect(options.units.map((u: { unit: string }) => u.unit)).not.toContain('heating')
    expect(options.units.map((u: { unit: string }) => u.unit)).not.toContain('transport')
    expectError(await stack.api.post(`/api/v1/cases/${created.id}/actions/assign`, { target: { kind: 'unit', unit: 'heating', region: 'jinshui' } }, as('jinshui.office')), 400, 'ASSIGNEE_INVALID')
    const assigned = await stack.api.post(`/api/v1/cases/${created.id}/actions/assign`, { target: { kind: 'unit', unit: 'police', region: 'jinshui' } }, as('jinshui.office'))
    expect(assigned.status).toBe(200)
  })
})
