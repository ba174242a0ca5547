import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident, loginStaff, TINY_JPEG, uploadFile } from '../support/actors'
import { startStack, type Stack } from '../support/stack'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack.close())

const heatingComplaint = {
  content: '家里暖气片一直不热，室温只有十二度，老人孩子都冻感冒了，打热力公司电话一直占线。',
  category: 'heating',
  region: 'jinshui',
  street: 'jinshui.huayuanlu',
  address: '农业路东段18号院3号楼2单元',
  contactPhone: '13812345678',
}

describe('the resident case loop: submit -> auto-dispatch -> accept -> reply -> rate -> review request', () => {
  it('runs end to end over real HTTP, every step on the timeline', async () => {
    const { api } = stack
    const alice = await loginResident(api, 'alice')
    const photo = await uploadFile(api, alice.token, TINY_JPEG)
    expect(photo.status).toBe(201)
    expect(photo.body).toMatchObject({ kind: 'image', mime: 'image/jpeg' })

    const created = await api.post('/api/v1/cases', { ...heatingComplaint, attachments: [photo.body.id] }, { token: alice.token })
    expect(created.status).toBe(201)
    expect(created.body.status).toBe('registered')
    expect(created.body.trackingNo).toMatch(/^\d{4}-\d{4}-\d{4}$/)
    // a heating case is a livelihood-zone case: the heating company and 金水区's office, both accountable
    expect(created.body.assignments.map((a: any) => [a.unitName, a.role])).toEqual([
      ['郑州热力集团有限公司', 'lead'],
      ['金水区信访局', 'territorial'],
    ])
    expect(created.body.deadlines.replyBy).not.toBeNull()
    expect(created.body.deadlines.acceptBy).not.toBeNull()
    const caseId = created.body.id as string

    const handler = await loginStaff(api, 'heating.handler')
    const accepted = await api.post(`/api/v1/cases/${caseId}/actions/accept`, {}, { token: handler.token })
    expect(accepted.status).toBe(200)
    expect(accepted.body.status).toBe('accepted')

    const replied = await api.post(
      `/api/v1/cases/${caseId}/actions/reply`,
      { text: '经上门检测，系楼内立管阀门故障，已于当日更换，室温恢复至20度。', outcome: 'supported' },
      { token: handler.token },
    )
    expect(replied.status).toBe(200)
    expect(replied.body.status).toBe('replied')

    const seen = await api.get(`/api/v1/cases/${caseId}`, { token: alice.token })
    expect(seen.status).toBe(200)
    expect(seen.body.reply).toMatchObject({ outcome: 'supported', outcomeLabel: '诉求合理，予以支持' })
    expect(seen.body.attachments).toHaveLength(1)
    expect(seen.body.allowedActions).toEqual(['rate'])
    // a heating case also goes to the heating company's work-order system (docs/integrations.md)
    expect(seen.body.timeline.map((e: any) => e.action)).toEqual(['submitted', 'dispatched', 'heating_forwarded', 'accepted', 'replied'])
    const dispatch = seen.body.timeline[1]
    expect(dispatch.data.ruleId).toBe('category:heating')
    expect(dispatch.note).toContain('郑州热力集团有限公司')
    // residents read unit names, never internal codes
    expect(dispatch.note).not.toMatch(/[a-z]{3,}/)
    // the handler's name and phone reach the resident masked
    const reply = seen.body.timeline[3]
    expect(reply.actor.label).toMatch(/^郑州热力集团有限公司 \S\*+$/)
    expect(reply.actor.phone).toMatch(/^139\*{4}\d{4}$/)
    expect(seen.body.contactPhone).toBe('138****5678')

    const image = await api.get(seen.body.attachments[0].url)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/jpeg')

    const rated = await api.post(`/api/v1/cases/${caseId}/rating`, { satisfaction: 'unsatisfied', comment: '只修了我家，整栋楼还是不热' }, { token: alice.token })
    expect(rated.status).toBe(200)
    expect(rated.body.status).toBe('replied')
    expect(rated.body.allowedActions).toEqual(['request_review'])
    expect(rated.body.deadlines.reviewRequestBy).not.toBeNull()

    const review = await api.post(`/api/v1/cases/${caseId}/review-request`, { reason: '整栋楼的问题没有解决，请求复查' }, { token: alice.token })
    expect(review.status).toBe(200)
    expect(review.body.status).toBe('review_requested')
    expect(review.body.deadlines.reviewBy).not.toBeNull()
    expect(review.body.timeline.map((e: any) => e.action)).toEqual(['submitted', 'dispatched', 'heating_forwarded', 'accepted', 'replied', 'rated', 'review_requested'])

    const again = await api.post(`/api/v1/cases/${caseId}/review-request`, { reason: '整栋楼的问题没有解决，请求复查' }, { token: alice.token })
    expectError(again, 409, 'REVIEW_ALREADY_REQUESTED')
  })

  it('closes the case when the resident is satisfied, and refuses a second, different rating', async () => {
    const { api } = stack
    const bob = await loginResident(api, 'bob', 'wechat')
    const created = await api.post('/api/v1/cases', { content: '小区门口夜市占道经营，每天晚上堵到十二点，垃圾满地。', category: 'city_management', region: 'erqi' }, { token: bob.token })
    expect(created.body.assignments.map((a: any) => [a.unit, a.region, a.role])).toEqual([
      ['urban', 'erqi', 'lead'],
      ['petition', 'erqi', 'oversight'],
    ])
    const urban = await loginStaff(api, 'erqi.urban.handler')
    await api.post(`/api/v1/cases/${created.body.id}/actions/accept`, {}, { token: urban.token })
    await api.post(`/api/v1/cases/${created.body.id}/actions/reply`, { text: '已联合街道规范夜市经营时间和区域，每晚十点前收摊并清扫。', outcome: 'supported' }, { token: urban.token })

    const early = await api.post(`/api/v1/cases/${created.body.id}/review-request`, { reason: '我还没评价就想复查' }, { token: bob.token })
    expectError(early, 409, 'REVIEW_NOT_ALLOWED')

    const rated = await api.post(`/api/v1/cases/${created.body.id}/rating`, { satisfaction: 'satisfied' }, { token: bob.token })
    expect(rated.body.status).toBe('closed')
    expect(rated.body.timeline.at(-1)).toMatchObject({ action: 'closed', actor: { type: 'system' } })

    const retry = await api.post(`/api/v1/cases/${created.body.id}/rating`, { satisfaction: 'satisfied' }, { token: bob.token })
    expect(retry.status).toBe(200)
    const changed = await api.post(`/api/v1/cases/${created.body.id}/rating`, { satisfaction: 'basic' }, { token: bob.token })
    expectError(changed, 409, 'ALREADY_RATED')
  })

  it('sends a case no rule fits to city triage, and says so on the timeline', async () => {
    const { api } = stack
    const carol = await loginResident(api, 'carol', 'alipay')
    const created = await api.post('/api/v1/cases', { content: '想咨询一下这个事情应该找哪个部门反映比较好。' }, { token: carol.token })
    expect(created.status).toBe(201)
    expect(created.body.assignments).toEqual([expect.objectContaining({ unit: 'petition', region: 'city', role: 'triage', unitName: '郑州市信访局' })])
    const detail = await api.get(`/api/v1/cases/${created.body.id}`, { token: carol.token })
    expect(detail.body.timeline[1]).toMatchObject({ action: 'triaged', label: '转入人工分办' })
  })
})

describe('idempotent submission', () => {
  it('answers a retry with the same Idempotency-Key with the same case, never a second one', async () => {
    const { api } = stack
    const dave = await loginResident(api, 'dave')
    const headers = { 'idempotency-key': 'submit-7f3a9c2e-0001' }
    const first = await api.post('/api/v1/cases', heatingComplaint, { token: dave.token, headers })
    const second = await api.post('/api/v1/cases', heatingComplaint, { token: dave.token, headers })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    const mine = await api.get('/api/v1/cases?mine=1', { token: dave.token })
    expect(mine.body.items).toHaveLength(1)
  })

  it('refuses the same key with a different request', async () => {
    const { api } = stack
    const erin = await loginResident(api, 'erin')
    const headers = { 'idempotency-key': 'submit-7f3a9c2e-0002' }
    await api.post('/api/v1/cases', heatingComplaint, { token: erin.token, headers })
    const other = await api.post('/api/v1/cases', { ...heatingComplaint, content: '换了内容的另一次提交，不应被当成重试。' }, { token: erin.token, headers })
    expectError(other, 422, 'IDEMPOTENCY_KEY_REUSED')
  })

  it('keeps keys per person: two residents may pick the same key', async () => {
    const { api } = stack
    const [fay, gus] = await Promise.all([loginResident(api, 'fay'), loginResident(api, 'gus')])
    const headers = { 'idempotency-key': 'same-key-for-both' }
    const a = await api.post('/api/v1/cases', heatingComplaint, { token: fay.token, headers })
    const b = await api.post('/api/v1/cases', heatingComplaint, { token: gus.token, headers })
    expect(a.body.id).not.toBe(b.body.id)
  })

  it('survives concurrent retries: one case for many simultaneous requests with one key', async () => {
    const { api } = stack
    const hal = await loginResident(api, 'hal')
    const headers = { 'idempotency-key': 'burst-of-retries-0001' }
    const answers = await Promise.all(Array.from({ length: 8 }, () => api.post('/api/v1/cases', heatingComplaint, { token: hal.token, headers })))
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    const mine = await api.get('/api/v1/cases?mine=1', { token: hal.token })
    expect(mine.body.items).toHaveLength(1)
  })
})
