import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginResident } from '../support/actors'
import { startStack, type Stack } from '../support/stack'

let stack: Stack
let resident: Awaited<ReturnType<typeof loginResident>>
beforeAll(async () => {
  stack = await startStack()
  resident = await loginResident(stack.api, 'assisted-dispatch')
})
afterAll(() => stack.close())

const submit = async (body: Record<string, unknown>) => {
  const created = await stack.api.post('/api/v1/cases', body, { token: resident.token })
  expect(created.status).toBe(201)
  return (await stack.api.get(`/api/v1/cases/${created.body.id}`, { token: resident.token })).body
}
const dispatchEntry = (detail: { timeline: { action: string; note: string; data: any }[] }) => detail.timeline.find((e) => e.action === 'dispatched' || e.action === 'triaged')!

describe('dispatch when the resident names no category', () => {
  it('dispatches a confident reading at once, fills the place the text names, and says why', async () => {
    const detail = await submit({ content: '花园路街道我们小区暖气一点都不热，屋里才十三度，老人孩子都冻感冒了，打热力公司电话也没人管。' })
    expect(detail).toMatchObject({ category: 'heating', zone: 'heating', region: 'jinshui', street: 'jinshui.huayuanlu' })
    expect(detail.assignments.map((a: any) => a.unit)).toContain('heating')
    const entry = dispatchEntry(detail)
    expect(entry.action).toBe('dispatched')
    expect(entry.note).toMatch(/^智能分办判断为「冬季供暖」（把握\d+%/)
    expect(entry.data.assistant.units[0].code).toBe('heating')
  })

  it('leaves an unsure reading to a person, saying what it thought', async () => {
    const detail = await submit({ content: '有个事情想反映一下，不知道该找谁，麻烦给看看。' })
    expect(detail.assignments).toEqual([expect.objectContaining({ unit: 'petition', role: 'triage' })])
    const entry = dispatchEntry(detail)
    expect(entry.action).toBe('triaged')
    expect(entry.note).toMatch(/^智能分办没有把握（.*），转市信访局人工分办$/)
  })

  it('keeps what the resident chose, whatever the text says', async () => {
    const detail = await submit({ content: '暖气不热，另外想问一下孩子入学划片的事。', category: 'education', region: 'erqi' })
    expect(detail).toMatchObject({ category: 'education', region: 'erqi' })
    expect(dispatchEntry(detail).note).not.toContain('智能分办')
  })
})
