import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginResident, loginStaff } from '../support/actors'
import { expectError } from '../support/client'
import { startStack, type Stack } from '../support/stack'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack.close())

const HEATING = '金水区花园路街道我们小区暖气一直不热，屋里才十四度，热力公司说在调试。上个月交了采暖费两千三百块，联系电话13812345678'

async function heatingCase() {
  const resident = await loginResident(stack.api, `assist-${Math.random().toString(36).slice(2, 8)}`)
  const suggestion = (await stack.api.post('/api/v1/assist/intake', { content: HEATING }, { token: resident.token })).body
  const { category, region, street } = suggestion
  const created = await stack.api.post('/api/v1/cases', { content: HEATING, category, region, street }, { token: resident.token })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return { resident, suggestion, created: created.body as { id: string; trackingNo: string; assignments: { unit: string; role: string }[] } }
}

describe('POST /assist/intake', () => {
  it('suggests category, unit, zone, region and street from what the resident typed, with reasons and facts', async () => {
    const { suggestion } = await heatingCase()
    expect(suggestion).toMatchObject({ category: 'heating', unit: 'heating', zone: 'heating', region: 'jinshui', street: 'jinshui.huayuanlu' })
    expect(suggestion.units[0]).toMatchObject({ code: 'heating', name: '郑州热力集团有限公司' })
    expect(suggestion.reasons.join('')).toContain('花园路街道')
    expect(suggestion.facts.amounts).toEqual([{ text: '两千三百块', yuan: 2300 }])
  })

  it('takes a suggestion as submitted: the case goes to the suggested unit and the district office', async () => {
    const { created } = await heatingCase()
    expect(created.assignments.map((a) => [a.unit, a.role])).toEqual([
      ['heating', 'lead'],
      ['petition', 'territorial'],
    ])
  })

  it('answers staff as well, and refuses an anonymous caller or an empty text', async () => {
    const staff = await loginStaff(stack.api, 'city.office')
    expect((await stack.api.post('/api/v1/assist/intake', { content: '公交车老不进站' }, { token: staff.token })).body.unit).toBe('transport')
    expectError(await stack.api.post('/api/v1/assist/intake', { content: '公交车老不进站' }), 401, 'UNAUTHENTICATED')
    expectError(await stack.api.post('/api/v1/assist/intake', { content: '' }, { token: staff.token }), 400, 'VALIDATION_FAILED')
  })
})

describe('staff drafts', () => {
  it('drafts a reply letter with the model from the case facts, masking the phone number it sends out', async () => {
    const { created } = await heatingCase()
    const handler = await loginStaff(stack.api, 'heating.handler')
    await stack.mocks.clearCalls()
    const draft = await stack.api.post(`/api/v1/assist/cases/${created.id}/draft-reply`, undefined, { token: handler.token })
    expect(draft.status, JSON.stringify(draft.body)).toBe(200)
    expect(draft.body).toMatchObject({ source: 'llm', model: 'deepseek-chat', text: expect.stringContaining(created.trackingNo) })
    const sent = JSON.stringify((await stack.mocks.calls('llm'))[0]?.body)
    expect(sent).toContain('138****5678')
    expect(sent).not.toContain('13812345678')
    expect(sent).toContain('两千三百块（2300元）')
  })

  it('summarises a case for the district office that oversees it', async () => {
    const { created } = await heatingCase()
    const office = await loginStaff(stack.api, 'jinshui.office')
    const summary = await stack.api.post(`/api/v1/assist/cases/${created.id}/summary`, undefined, { token: office.token })
    expect(summary.body).toMatchObject({ source: 'llm', text: expect.stringContaining('案情摘要') })
  })

  it('falls back to the template letter when the model is down, naming the case and leaving the findings to fill in', async () => {
    const { created } = await heatingCase()
    const handler = await loginStaff(stack.api, 'heating.handler')
    await stack.mocks.injectFault({ platform: 'llm', mode: 'fail', count: 2 })
    const draft = await stack.api.post(`/api/v1/assist/cases/${created.id}/draft-reply`, undefined, { token: handler.token })
    expect(draft.body).toMatchObject({ source: 'local', sourceLabel: '按模板生成', model: null })
    expect(draft.body.text).toContain(`编号${created.trackingNo}`)
    expect(draft.body.text).toContain('【待填写')
    expect(draft.body.text).toContain('郑州热力集团有限公司')
  })

  it('hides a case from staff outside its jurisdiction and refuses residents', async () => {
    const { created, resident } = await heatingCase()
    const elsewhere = await loginStaff(stack.api, 'erqi.office')
    expectError(await stack.api.post(`/api/v1/assist/cases/${created.id}/draft-reply`, undefined, { token: elsewhere.token }), 404, 'CASE_NOT_FOUND')
    expectError(await stack.api.post(`/api/v1/assist/cases/${created.id}/summary`, undefined, { token: resident.token }), 403, 'STAFF_ONLY')
  })
})

describe('a ranking second opinion for triage', () => {
  it('puts the model pick among the local top three first, and keeps the local order when the model is down', async () => {
    const { created } = await heatingCase()
    const office = await loginStaff(stack.api, 'city.office')
    const local = (await stack.api.post('/api/v1/assist/intake', { content: HEATING }, { token: office.token })).body.units.map((u: { code: string }) => u.code)
    const reranked = await stack.api.post(`/api/v1/assist/cases/${created.id}/units`, undefined, { token: office.token })
    expect(reranked.status, JSON.stringify(reranked.body)).toBe(200)
    // the mock model answers the last candidate it was offered: the local third
    expect(reranked.body).toMatchObject({ source: 'llm', model: 'deepseek-chat' })
    expect(reranked.body.units.map((u: { code: string }) => u.code)).toEqual([local[2], ...local.filter((c: string) => c !== local[2])])
    await stack.mocks.injectFault({ platform: 'llm', mode: 'fail', count: 2 })
    const kept = (await stack.api.post(`/api/v1/assist/cases/${created.id}/units`, undefined, { token: office.token })).body
    expect(kept).toMatchObject({ source: 'local', sourceLabel: '本地模型' })
    expect(kept.units.map((u: { code: string }) => u.code)).toEqual(local)
  })
})
