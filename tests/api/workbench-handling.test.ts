import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident, loginStaff } from '../support/actors'
import { startStack, type Stack } from '../support/stack'

// Every handling action over HTTP, in the order a real case meets them, with the roles and
// levels the regulation names. The permission rules themselves are unit-tested next to
// server/src/modules/policy; this proves the routes use them and the resident sees the result.

let stack: Stack
type Token = { token: string }
const staff: Record<string, Token & { user: { id: string } }> = {}
let resident: Awaited<ReturnType<typeof loginResident>>

beforeAll(async () => {
  stack = await startStack()
  resident = await loginResident(stack.api, 'workbench-flows')
  for (const name of ['city.office', 'city.leader', 'city.supervisor', 'jinshui.office', 'erqi.office', 'jinshui.huayuanlu.office', 'jinshui.huayuanlu.grid', 'ecoenv.handler', 'urban.handler', 'housing.handler']) {
    staff[name] = await loginStaff(stack.api, name)
  }
})
afterAll(() => stack.close())

const submit = async (body: Record<string, unknown> = {}) => {
  const created = await stack.api.post(
    '/api/v1/cases',
    { content: '楼下烧烤店油烟直排，晚上十二点还很吵，窗户都不敢开。', category: 'pollution', region: 'jinshui', street: 'jinshui.huayuanlu', contactPhone: '13912345678', ...body },
    { token: resident.token },
  )
  expect(created.status).toBe(201)
  return created.body.id as string
}
const act = (who: string, id: string, action: string, body: Record<string, unknown> = {}) => stack.api.post(`/api/v1/cases/${id}/actions/${action}`, body, { token: staff[who]!.token })
const ok = async (who: string, id: string, action: string, body: Record<string, unknown> = {}) => {
  const res = await act(who, id, action, body)
  expect(res.status, `${who} ${action}: ${JSON.stringify(res.body)}`).toBe(200)
  return res.body
}
const residentView = async (id: string) => (await stack.api.get(`/api/v1/cases/${id}`, { token: resident.token })).body
const actions = (detail: { timeline: { action: string }[] }) => detail.timeline.map((e) => e.action)

describe('a case from acceptance to the final re-review', () => {
  it('is assigned, objected to, reassigned, extended, replied, reviewed and re-reviewed, each step on the timeline', async () => {
    const id = await submit()
    await ok('jinshui.office', id, 'accept')

    // the district office hands it to the district's urban-management bureau... wrongly: housing
    const options = (await stack.api.get(`/api/v1/workbench/assignees?caseId=${id}`, { token: staff['jinshui.office']!.token })).body
    expect(options.units).toContainEqual({ unit: 'housing', region: 'jinshui', name: '金水区住房和城乡建设局' })
    expect(options.offices).toContainEqual({ region: 'jinshui.huayuanlu', name: '金水区花园路街道信访办' })
    await ok('jinshui.office', id, 'assign', { target: { kind: 'unit', unit: 'housing', region: 'jinshui' } })
    expectError(await act('jinshui.office', id, 'assign', { target: { kind: 'unit', unit: 'housing', region: 'jinshui' } }), 400, 'ASSIGNEE_INVALID')
    expectError(await act('jinshui.office', id, 'assign', { target: { kind: 'unit', unit: 'housing', region: 'erqi' } }), 400, 'ASSIGNEE_INVALID')

    // housing says it is not theirs; only the office that dispatched it (or above) decides
    const objected = await ok('housing.handler', id, 'object', { reason: '油烟和噪声不属于住建部门职责', suggestedUnit: 'ecoenv' })
    expect(objected.assignments.find((a: any) => a.unit === 'housing').objection).toMatchObject({ reason: '油烟和噪声不属于住建部门职责' })
    expectError(await act('housing.handler', id, 'object', { reason: '再次提出异议理由' }), 403, 'NOT_HOLDER')
    expect((await stack.api.get(`/api/v1/cases/${id}`, { token: staff['erqi.office']!.token })).status).toBe(404)
    const decided = await ok('jinshui.office', id, 'decide_objection', { upheld: true, reason: '油烟噪声属生态环境和城管职责', reassignTo: { kind: 'unit', unit: 'urban', region: 'jinshui' } })
    expect(decided.assignments.map((a: any) => a.unit)).not.toContain('housing')
    expect(decided.assignments.map((a: any) => a.unit)).toContain('urban')
    // the unit relieved of the case no longer sees it
    expect((await stack.api.get(`/api/v1/cases/${id}`, { token: staff['housing.handler']!.token })).status).toBe(404)

    // urban asks for more time; the district cannot approve a city department's request, the city can
    const before = (await stack.api.get(`/api/v1/cases/${id}`, { token: staff['urban.handler']!.token })).body
    expect(before.allowedActions).toEqual(expect.arrayContaining(['reply', 'request_extension', 'request_info']))
    await ok('urban.handler', id, 'request_extension', { days: 10, reason: '需要联合执法，协调生态环境部门监测' })
    expectError(await act('urban.handler', id, 'request_extension', { days: 5, reason: '再申请一次延期' }), 409, 'EXTENSION_ONCE')
    expectError(await act('jinshui.office', id, 'decide_extension', { approved: true, note: '同意' }), 403, 'APPROVER_NOT_ABOVE')
    const extended = await ok('city.leader', id, 'decide_extension', { approved: true, note: '同意延期，请按期办结' })
    expect(new Date(extended.deadlines.replyBy).getTime()).toBeGreaterThan(new Date(before.deadlines.replyBy).getTime())
    expect(extended.extension).toMatchObject({ days: 10, status: 'approved' })

    // an honest reply: not supported reads as not supported, even once the case is closed
    await ok('urban.handler', id, 'reply', { text: '经现场核查，该店已办理环评手续，油烟排放检测达标，夜间噪声已责令整改。', outcome: 'not_supported' })
    let mine = await residentView(id)
    expect(mine.outcomeLabel).toBe('诉求不予支持')
    expect(mine.allowedActions).toEqual(['rate'])

    // 复查 by the district, then 复核 by the level above it
    await stack.api.post(`/api/v1/cases/${id}/rating`, { satisfaction: 'unsatisfied' }, { token: resident.token })
    await stack.api.post(`/api/v1/cases/${id}/review-request`, { reason: '晚上还是很吵，请求复查' }, { token: resident.token })
    await ok('jinshui.office', id, 'accept_review')
    await ok('jinshui.office', id, 'decide_review', { text: '复查认为原处理意见事实清楚，维持原答复，另责令夜间十点后停止营业。', outcome: 'partly_supported' })
    mine = await residentView(id)
    expect(mine).toMatchObject({ status: 'replied', outcomeLabel: '部分支持', rating: null, review: { stage: 'review' } })
    expect(mine.allowedActions).toEqual(['rate'])
    await stack.api.post(`/api/v1/cases/${id}/rating`, { satisfaction: 'unsatisfied' }, { token: resident.token })
    expect((await residentView(id)).allowedActions).toEqual(['request_rereview'])
    const rereview = await stack.api.post(`/api/v1/cases/${id}/review-request`, { reason: '仍然不满意，申请复核' }, { token: resident.token })
    expect(rereview.body).toMatchObject({ status: 'rereview_requested', review: { stage: 'rereview' } })
    expectError(await act('jinshui.office', id, 'accept_rereview'), 403, 'FORBIDDEN')
    await ok('city.office', id, 'accept_rereview')
    const final = await ok('city.office', id, 'decide_rereview', { text: '复核认为复查意见适当，予以维持，本意见为最终意见。', outcome: 'explained' })
    expect(final.status).toBe('closed')
    await stack.api.post(`/api/v1/cases/${id}/rating`, { satisfaction: 'unsatisfied' }, { token: resident.token })
    expectError(await stack.api.post(`/api/v1/cases/${id}/review-request`, { reason: '还想再申请一次' }, { token: resident.token }), 409, 'REVIEW_FINAL')

    mine = await residentView(id)
    expect(actions(mine)).toEqual(
      expect.arrayContaining(['accepted', 'assigned', 'objected', 'objection_upheld', 'extension_requested', 'extension_approved', 'replied', 'review_requested', 'review_accepted', 'review_decided', 'rereview_requested', 'rereview_accepted', 'rereview_decided']),
    )
    const upheld = mine.timeline.find((e: any) => e.action === 'objection_upheld')
    expect(upheld.note).toContain('油烟噪声属生态环境和城管职责')
    expect(upheld.note).toContain('金水区城市管理局')
  })
})

describe('asking the resident for more', () => {
  it('puts the question in the app, takes the answer, and clears it', async () => {
    const id = await submit()
    await ok('jinshui.office', id, 'request_info', { question: '请补充烧烤店的具体门牌号和营业时间' })
    expectError(await act('jinshui.office', id, 'request_info', { question: '再问一个问题可以吗' }), 409, 'INFO_PENDING')
    let mine = await residentView(id)
    expect(mine.infoRequest).toMatchObject({ question: '请补充烧烤店的具体门牌号和营业时间' })
    expect(mine.allowedActions).toContain('provide_info')
    const answered = await stack.api.post(`/api/v1/cases/${id}/info`, { text: '花园路农科路口东50米，每天傍晚六点到凌晨一点' }, { token: resident.token })
    expect(answered.status).toBe(200)
    mine = await residentView(id)
    expect(mine.infoRequest).toBeNull()
    expect(mine.timeline.at(-1)).toMatchObject({ action: 'info_provided', note: '花园路农科路口东50米，每天傍晚六点到凌晨一点' })
    expectError(await stack.api.post(`/api/v1/cases/${id}/info`, { text: '再补充一点' }, { token: resident.token }), 409, 'INFO_NOT_REQUESTED')
    expectError(await stack.api.post(`/api/v1/cases/${id}/info`, { text: '别人的诉求' }, { token: (await loginResident(stack.api, 'someone-else')).token }), 404, 'CASE_NOT_FOUND')
  })
})

describe('the grid and mediation', () => {
  it('lets the street office send a grid member to check, who then reports back', async () => {
    const id = await submit()
    const options = (await stack.api.get(`/api/v1/workbench/assignees?caseId=${id}`, { token: staff['jinshui.huayuanlu.office']!.token })).body
    const member = options.gridMembers.find((m: any) => m.id === staff['jinshui.huayuanlu.grid']!.user.id)
    expect(member).toBeDefined()
    // a case placed on the street is above the grid member's own patch until it is handed to them
    expectError(await act('jinshui.huayuanlu.grid', id, 'report_verification', { findings: '还没有交办就反馈' }), 404, 'CASE_NOT_FOUND')
    await ok('jinshui.huayuanlu.office', id, 'assign', { target: { kind: 'grid', staffId: member.id } })
    const reported = await ok('jinshui.huayuanlu.grid', id, 'report_verification', { findings: '现场核实：该店确有油烟直排，已拍照取证。' })
    expect(reported.timeline.at(-1)).toMatchObject({ action: 'verification_reported', toStatus: null })
    expect(reported.assignments.find((a: any) => a.role === 'verify').assignee).toMatchObject({ id: member.id })
  })

  it('closes a mediated case as mediated, and returns a failed mediation to the petition track', async () => {
    const mediated = await submit({ category: 'dispute_mediation' })
    await ok('jinshui.huayuanlu.office', mediated, 'start_mediation')
    const closed = await ok('jinshui.huayuanlu.office', mediated, 'mediation_succeeded', { agreement: '双方同意店铺晚十点后停止露天烧烤。' })
    expect(closed.status).toBe('closed')
    const failed = await submit()
    await ok('jinshui.huayuanlu.office', failed, 'start_mediation')
    expect((await ok('jinshui.huayuanlu.office', failed, 'mediation_failed', { reason: '店主拒绝调解' })).status).toBe('registered')
  })

  it('lets forward and supervise leave their mark; a supervisor handles nothing', async () => {
    const id = await submit()
    expectError(await act('city.supervisor', id, 'accept'), 403, 'FORBIDDEN')
    const supervised = await ok('city.supervisor', id, 'supervise', { note: '请尽快受理' })
    expect(supervised.timeline.at(-1)).toMatchObject({ action: 'supervised', note: '请尽快受理' })
    const forwarded = await ok('jinshui.office', id, 'forward', { to: '金水区人民法院', reason: '已进入诉讼程序' })
    expect(forwarded.status).toBe('forwarded')
  })
})

describe('notices to the resident', () => {
  it('are queued in the same transaction as every change they report', async () => {
    const id = await submit()
    await ok('jinshui.office', id, 'accept')
    await ok('jinshui.office', id, 'request_info', { question: '请补充具体地址和时间' })
    const { notifications } = stack.app.db.tables
    const rows = await stack.app.db.q.select({ event: notifications.event }).from(notifications).where(eq(notifications.caseId, id)).orderBy(notifications.createdAt, notifications.id)
    expect(rows.map((r) => r.event)).toEqual(['accepted', 'info_requested'])
  })
})
