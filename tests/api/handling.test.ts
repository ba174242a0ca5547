import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident, loginStaff } from '../support/actors'
import { startStack, type Stack } from '../support/stack'

let stack: Stack
let resident: Awaited<ReturnType<typeof loginResident>>
let office: Awaited<ReturnType<typeof loginStaff>>

beforeAll(async () => {
  stack = await startStack()
  resident = await loginResident(stack.api, 'handling')
  office = await loginStaff(stack.api, 'jinshui.office')
})
afterAll(() => stack.close())

const submit = async () =>
  (await stack.api.post('/api/v1/cases', { content: '邻居在楼道堆放杂物，多次沟通无果。', category: 'dispute_mediation', region: 'jinshui' }, { token: resident.token })).body.id as string

describe('staff actions follow the status machine', () => {
  it('rejects with a reason and the lawful channel, which the resident reads', async () => {
    const id = await submit()
    expectError(await stack.api.post(`/api/v1/cases/${id}/actions/reject`, { reason: '属于民事纠纷' }, { token: office.token }), 400, 'VALIDATION_FAILED')
    const rejected = await stack.api.post(`/api/v1/cases/${id}/actions/reject`, { reason: '属于民事纠纷，不属于信访事项', channel: '可向金水区人民法院提起民事诉讼，或申请人民调解' }, { token: office.token })
    expect(rejected.body.status).toBe('rejected')
    const seen = await stack.api.get(`/api/v1/cases/${id}`, { token: resident.token })
    expect(seen.body.rejection).toMatchObject({ reason: '属于民事纠纷，不属于信访事项', channel: '可向金水区人民法院提起民事诉讼，或申请人民调解' })
    expect(seen.body.timeline.at(-1)).toMatchObject({ action: 'rejected', label: '不予受理', fromStatus: 'registered', toStatus: 'rejected' })
    expect(seen.body.timeline.at(-1).note).toContain('人民法院')
    expect(seen.body.allowedActions).toEqual([])
    expectError(await stack.api.post(`/api/v1/cases/${id}/actions/accept`, {}, { token: office.token }), 409, 'INVALID_TRANSITION')
  })

  it('refuses to skip steps: no reply before acceptance, no close before reply, no second acceptance', async () => {
    const id = await submit()
    expectError(await stack.api.post(`/api/v1/cases/${id}/actions/reply`, { text: '答复内容答复内容答复内容', outcome: 'explained' }, { token: office.token }), 409, 'INVALID_TRANSITION')
    expectError(await stack.api.post(`/api/v1/cases/${id}/actions/close`, {}, { token: office.token }), 409, 'INVALID_TRANSITION')
    expect((await stack.api.post(`/api/v1/cases/${id}/actions/accept`, {}, { token: office.token })).status).toBe(200)
    expectError(await stack.api.post(`/api/v1/cases/${id}/actions/accept`, {}, { token: office.token }), 409, 'INVALID_TRANSITION')
  })

  it('applies a retried action with the same Idempotency-Key once, answering both', async () => {
    const id = await submit()
    const headers = { 'idempotency-key': `accept-${id}` }
    const first = await stack.api.post(`/api/v1/cases/${id}/actions/accept`, { note: '已受理' }, { token: office.token, headers })
    const retry = await stack.api.post(`/api/v1/cases/${id}/actions/accept`, { note: '已受理' }, { token: office.token, headers })
    expect([first.status, retry.status]).toEqual([200, 200])
    expect(retry.body.timeline.filter((e: any) => e.action === 'accepted')).toHaveLength(1)
  })

  it('shows staff the actions they may take next', async () => {
    const id = await submit()
    const detail = await stack.api.get(`/api/v1/cases/${id}`, { token: office.token })
    expect(detail.body.allowedActions).toEqual(expect.arrayContaining(['accept', 'reject']))
    expect(detail.body.allowedActions).not.toContain('reply')
    // staff see their colleagues' names in full on the timeline
    await stack.api.post(`/api/v1/cases/${id}/actions/accept`, {}, { token: office.token })
    const after = await stack.api.get(`/api/v1/cases/${id}`, { token: office.token })
    expect(after.body.timeline.at(-1).actor.label).toBe(`金水区信访局 ${office.user.displayName}`)
  })
})
