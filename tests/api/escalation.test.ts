import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginResident, loginStaff } from '../support/actors'
import { fakeClock, startStack, type Stack } from '../support/stack'

// Monday 2026-09-28 10:00 in Zhengzhou, before the National Day week (10/1–10/7, 10/10 a
// make-up Saturday): a calendar-day clock would call the case late while the offices are shut.
const clock = fakeClock('2026-09-28T02:00:00Z')
let stack: Stack
let office: { token: string }

beforeAll(async () => {
  stack = await startStack({ clock })
  office = await loginStaff(stack.api, 'jinshui.office')
})
afterAll(() => stack.close())

const cn = (local: string) => `${local}+08:00`
const bucketIds = async (bucket: string) => ((await stack.api.get(`/api/v1/workbench/queue?bucket=${bucket}`, { token: office.token })).body.items as { id: string }[]).map((i) => i.id)
const timeline = async (id: string) => (await stack.api.get(`/api/v1/cases/${id}`, { token: office.token })).body.timeline as { action: string; note: string }[]

describe('deadlines and escalation (督办) on the working-day calendar', () => {
  let caseId: string
  let streetCaseId: string

  beforeAll(async () => {
    const resident = await loginResident(stack.api, 'escalation')
    const submit = async () =>
      (await stack.api.post('/api/v1/cases', { content: '小区东门的路灯坏了一个多月，晚上出行很不安全。', category: 'city_management', region: 'jinshui', street: 'jinshui.huayuanlu' }, { token: resident.token })).body
        .id as string
    caseId = await submit()
    streetCaseId = await submit()
    // the district hands the second one down to the street office, so the street holds it
    const assigned = await stack.api.post(`/api/v1/cases/${streetCaseId}/actions/assign`, { target: { kind: 'office', region: 'jinshui.huayuanlu' } }, { token: office.token })
    expect(assigned.status).toBe(200)
  })

  it('is quiet through the holiday: ten calendar days on, the 15-working-day clock is far from out', async () => {
    clock.set(cn('2026-10-14T09:00:00'))
    expect(await stack.app.jobs.escalateOverdue()).toBe(0)
    expect(await bucketIds('overdue')).not.toContain(caseId)
    expect(await bucketIds('due_soon')).not.toContain(caseId)
    const listed = (await stack.api.get(`/api/v1/workbench/queue?bucket=to_accept`, { token: office.token })).body.items.find((i: any) => i.id === caseId)
    expect(listed).toMatchObject({ dueAt: '2026-10-23T15:59:59.999Z', deadlineState: 'ok' })
  })

  it('turns yellow with three working days left', async () => {
    clock.set(cn('2026-10-20T09:00:00'))
    expect(await bucketIds('due_soon')).toEqual(expect.arrayContaining([caseId, streetCaseId]))
    expect((await stack.api.get('/api/v1/workbench/summary', { token: office.token })).body.counts.due_soon).toBe(2)
    expect(await stack.app.jobs.escalateOverdue()).toBe(0)
  })

  it('turns red once the clock runs out, and escalates each case once to the level above its holder', async () => {
    clock.set(cn('2026-10-24T08:00:00'))
    expect(await bucketIds('overdue')).toEqual(expect.arrayContaining([caseId, streetCaseId]))
    expect(await stack.app.jobs.escalateOverdue()).toBe(2)
    expect(await stack.app.jobs.escalateOverdue()).toBe(0)

    const cityHeld = (await timeline(caseId)).filter((e) => e.action === 'escalated')
    expect(cityHeld).toHaveLength(1)
    expect(cityHeld[0]!.note).toBe('受理告知期限已于2026-10-23届满，已提请郑州市信访局督办')
    const streetHeld = (await timeline(streetCaseId)).filter((e) => e.action === 'escalated')
    expect(streetHeld[0]!.note).toContain('金水区信访局督办')

    // and the resident hears about it
    const { notifications } = stack.app.db.tables
    const notices = await stack.app.db.q.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.caseId, caseId), eq(notifications.event, 'escalated')))
    expect(notices).toHaveLength(1)
  })

  it('escalates again only when a new clock runs out', async () => {
    const accepted = await stack.api.post(`/api/v1/cases/${caseId}/actions/accept`, {}, { token: office.token })
    expect(accepted.body.dueAt).not.toBeNull()
    expect(await stack.app.jobs.escalateOverdue()).toBe(0)
    clock.set(new Date(new Date(accepted.body.dueAt).getTime() + 60_000))
    expect(await stack.app.jobs.escalateOverdue()).toBeGreaterThanOrEqual(1)
    const escalations = (await timeline(caseId)).filter((e) => e.action === 'escalated')
    expect(escalations).toHaveLength(2)
    expect(escalations[1]!.note).toContain('答复期限')
  })
})
