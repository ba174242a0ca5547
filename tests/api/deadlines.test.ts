import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident, loginStaff } from '../support/actors'
import { fakeClock, startStack, type Stack } from '../support/stack'

// 2026-09-28 10:00 in Zhengzhou, the Monday before the Mid-Autumn/National Day break (10/1-10/7,
// with 10/10 a make-up Saturday): the clocks must step over the holidays.
const clock = fakeClock('2026-09-28T02:00:00Z')
let stack: Stack
beforeAll(async () => {
  stack = await startStack({ clock })
})
afterAll(() => stack.close())

describe('case clocks on Chinese working days', () => {
  it('gives 15 working days to accept and, to a livelihood-zone problem, 3 working days to reply', async () => {
    const resident = await loginResident(stack.api, 'autumn')
    const ordinary = await stack.api.post('/api/v1/cases', { content: '小区门口的路灯坏了一个月没人修。', category: 'city_management', region: 'huiji' }, { token: resident.token })
    // 9/29, 9/30, then 10/8, 10/9, 10/10 (make-up), 10/12... the 15th working day is 10/23
    expect(ordinary.body.deadlines).toMatchObject({ acceptBy: '2026-10-23T15:59:59.999Z', respondBy: null, replyBy: null })

    const zone = await stack.api.post('/api/v1/cases', { content: '交房时间一拖再拖，开发商一直不给说法。', category: 'housing_delivery', region: 'huiji' }, { token: resident.token })
    // 9/29, 9/30, then 10/8: the zone's 3 working days end before the holiday week is counted; the
    // category put it in the zone, nobody said it was a simple question, so it carries no one-hour clock
    expect(zone.body.deadlines).toMatchObject({ respondBy: null, replyBy: '2026-10-08T15:59:59.999Z' })
    expect(zone.body.zoneClock).toMatchObject({ triage: 'complex', answerBy: '2026-10-08T15:59:59.999Z' })
  })

  it('starts the 60-working-day reply clock at acceptance, and closes the review window after 30 working days', async () => {
    const resident = await loginResident(stack.api, 'winter')
    const created = await stack.api.post('/api/v1/cases', { content: '楼下饭店油烟直排，窗户都不敢开。', category: 'pollution', region: 'huiji' }, { token: resident.token })
    const handler = await loginStaff(stack.api, 'ecoenv.handler')
    const accepted = await stack.api.post(`/api/v1/cases/${created.body.id}/actions/accept`, {}, { token: handler.token })
    expect(accepted.body.deadlines.acceptBy).toBeNull()
    // 9/29, 9/30, 10/8-10/10, then five a week from 10/12: the 60th is Friday 12/25
    expect(accepted.body.deadlines.replyBy).toBe('2026-12-25T15:59:59.999Z')

    await stack.api.post(`/api/v1/cases/${created.body.id}/actions/reply`, { text: '已责令饭店安装油烟净化设施并复查达标。', outcome: 'supported' }, { token: handler.token })
    const rated = await stack.api.post(`/api/v1/cases/${created.body.id}/rating`, { satisfaction: 'unsatisfied' }, { token: resident.token })
    // replied on 9/28: the 30th working day after it is Friday 11/13
    expect(rated.body.deadlines.reviewRequestBy).toBe('2026-11-13T15:59:59.999Z')

    clock.set('2026-11-13T16:00:00Z')
    expectError(await stack.api.post(`/api/v1/cases/${created.body.id}/review-request`, { reason: '油烟还是很大，请求复查' }, { token: resident.token }), 409, 'REVIEW_WINDOW_CLOSED')
    clock.set('2026-11-13T15:00:00Z')
    expect((await stack.api.post(`/api/v1/cases/${created.body.id}/review-request`, { reason: '油烟还是很大，请求复查' }, { token: resident.token })).status).toBe(200)
  })
})
