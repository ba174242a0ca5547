import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident, loginStaff } from '../support/actors'
import { fakeClock, startStack, type Stack } from '../support/stack'

// Monday 2026-09-28 10:00 in Zhengzhou, before the National Day week (10/1–10/7, 10/10 a make-up
// Saturday): the 3-working-day clock must step over the holidays, the one-hour clock must not care.
const clock = fakeClock('2026-09-28T02:00:00Z')
let stack: Stack
let resident: { token: string }

beforeAll(async () => {
  stack = await startStack({ clock })
  resident = await loginResident(stack.api, 'zones')
})
afterAll(() => stack.close())

const submit = (body: Record<string, unknown>) => stack.api.post('/api/v1/cases', body, { token: resident.token })
const housingForm = { projectId: 'hp-jinshui-jinxiu', building: '3号楼', unitNo: '2单元1201', deliveryDate: '2025-06-30', matter: 'overdue' }

describe('the zones as the app reads them', () => {
  it('lists the four zones with their fields, leads and both clocks, without a login', async () => {
    const { status, body } = await stack.api.get('/api/v1/zones')
    expect(status).toBe(200)
    expect(body.zones.map((z: any) => [z.code, z.name, z.lead])).toEqual([
      ['housing', '楼盘交付', 'housing'],
      ['wages', '工资拖欠', 'hrss'],
      ['legal', '政法服务', 'justice'],
      ['heating', '冬季供暖', 'heating'],
    ])
    const housing = body.zones[0]
    expect(housing.fields.find((f: any) => f.key === 'projectId')).toMatchObject({ label: '楼盘', kind: 'project', required: true })
    expect(housing.fields.find((f: any) => f.key === 'matter').options.map((o: any) => o.label)).toEqual(['交付逾期', '办证', '质量', '物业'])
    expect(body.clocks).toEqual([
      { triage: 'simple', label: '简单诉求', promise: '1小时内答复' },
      { triage: 'complex', label: '复杂诉求', promise: '3个工作日内答复' },
    ])
    expect(body.asks.filter((a: any) => a.triage === 'simple').map((a: any) => a.label)).toEqual(['咨询', '政策解答', '进度查询'])
  })

  it('lists housing projects and heat stations, by district and by a few characters of the name', async () => {
    const jinshui = (await stack.api.get('/api/v1/zones/housing/projects?region=jinshui')).body.items
    expect(jinshui.map((p: any) => p.name)).toEqual(expect.arrayContaining(['锦绣华庭', '农科路壹号院']))
    expect(jinshui.every((p: any) => p.region === 'jinshui')).toBe(true)
    const found = (await stack.api.get(`/api/v1/zones/housing/projects?q=${encodeURIComponent('钱塘')}`)).body.items
    expect(found).toEqual([expect.objectContaining({ id: 'hp-erqi-qiantang', developer: '郑州润泽置业有限公司', promisedDelivery: '2024-12-31' })])
    expect((await stack.api.get(`/api/v1/zones/housing/projects?q=${encodeURIComponent('%')}`)).body.items.length).toBeGreaterThan(0)
    const stations = (await stack.api.get('/api/v1/zones/heating/stations?region=jinshui')).body.items
    expect(stations.map((s: any) => s.code)).toEqual(expect.arrayContaining(['hs-jinshui-0101', 'hs-jinshui-0201']))
    expectError(await stack.api.get('/api/v1/zones/heating/stations?region=atlantis'), 400, 'VALIDATION_FAILED')
  })
})

describe('a case filed through a zone form', () => {
  it('takes the project place, goes to the housing bureau and the district office, and owes a reply in 3 working days', async () => {
    const created = await submit({ content: '合同约定去年6月交房，到现在还没交，开发商一直拖。', zone: 'housing', ask: 'problem', zoneForm: housingForm })
    expect(created.status).toBe(201)
    expect(created.body.assignments.map((a: any) => [a.unit, a.region, a.role])).toEqual([
      ['housing', 'jinshui', 'lead'],
      ['petition', 'jinshui', 'territorial'],
    ])
    // 9/29, 9/30, then 10/8: the holiday week does not count
    expect(created.body.zoneClock).toEqual({ triage: 'complex', label: '复杂诉求', promise: '3个工作日内答复', answerBy: '2026-10-08T15:59:59.999Z' })
    expect(created.body.deadlines).toMatchObject({ respondBy: null, replyBy: '2026-10-08T15:59:59.999Z' })
    expect(created.body.jointSuggested).toBe(false)

    const detail = (await stack.api.get(`/api/v1/cases/${created.body.id}`, { token: resident.token })).body
    expect(detail).toMatchObject({ zone: 'housing', category: 'housing_delivery', region: 'jinshui', street: 'jinshui.huayuanlu' })
    expect(detail.zoneClock.answerBy).toBe('2026-10-08T15:59:59.999Z')
  })

  it('gives a simple question the hour, counted in elapsed time, and escalates it when the hour passes', async () => {
    const created = await submit({ content: '请问农民工欠薪可以去哪里申请先行垫付？', zone: 'wages', ask: 'policy', region: 'jinshui', zoneForm: { employer: '某劳务公司', site: '金水区某工地', periodFrom: '2026-05', periodTo: '2026-08', amountOwed: 18000 } })
    expect(created.status).toBe(201)
    expect(created.body.zoneClock).toMatchObject({ triage: 'simple', promise: '1小时内答复', answerBy: '2026-09-28T03:00:00.000Z' })
    expect(created.body.deadlines).toMatchObject({ respondBy: '2026-09-28T03:00:00.000Z', replyBy: null })

    clock.set('2026-09-28T02:59:00Z')
    expect(await stack.app.jobs.escalateOverdue()).toBe(0)
    clock.set('2026-09-28T03:01:00Z')
    expect(await stack.app.jobs.escalateOverdue()).toBe(1)
    const office = await loginStaff(stack.api, 'jinshui.office')
    const timeline = (await stack.api.get(`/api/v1/cases/${created.body.id}`, { token: office.token })).body.timeline
    expect(timeline.at(-1)).toMatchObject({ action: 'escalated' })
    expect(timeline.at(-1).note).toMatch(/专区简单诉求答复已于.*届满，已提请郑州市信访局督办/)
    clock.set('2026-09-28T02:00:00Z')
  })

  it('routes a legal matter by its kind: household registration to the police, enforcement to the court', async () => {
    const hukou = await submit({ content: '孩子落户材料交了三次还是办不下来。', zone: 'legal', zoneForm: { matter: 'hukou' } })
    expect(hukou.body.assignments[0]).toMatchObject({ unit: 'police', role: 'lead' })
    const enforcement = await submit({ content: '判决生效一年了，对方一直不履行。', zone: 'legal', zoneForm: { matter: 'enforcement', courtCaseNo: '（2025）豫0105执1234号' } })
    expect(enforcement.body.assignments[0]).toMatchObject({ unit: 'court', role: 'lead' })
  })

  it('suggests a joint complaint when several co-workers are owed too', async () => {
    const created = await submit({ content: '工地老板拖欠我们十几个人半年工资。', zone: 'wages', region: 'jinshui', zoneForm: { employer: '某建筑劳务有限公司', site: '金水区某工地', periodFrom: '2026-03', periodTo: '2026-08', amountOwed: '36000', coworkers: '12' } })
    expect(created.status).toBe(201)
    expect(created.body.jointSuggested).toBe(true)
  })

  it('takes a heating case with its station and the reported temperature, and needs the address', async () => {
    const form = { stationCode: 'hs-jinshui-0101', indoorTemp: 14.5, since: '2026-09-27', account: 'RL-2026-0088' }
    const created = await submit({ content: '家里暖气一直不热，室温只有十四度。', zone: 'heating', address: '农业院社区5号楼2单元301', zoneForm: form })
    expect(created.status).toBe(201)
    expect(created.body.assignments[0]).toMatchObject({ unit: 'heating', role: 'lead' })
    const detail = (await stack.api.get(`/api/v1/cases/${created.body.id}`, { token: resident.token })).body
    expect(detail.street).toBe('jinshui.huayuanlu')

    const noAddress = expectError(await submit({ content: '家里暖气一直不热，室温只有十四度。', zone: 'heating', zoneForm: form }), 400, 'VALIDATION_FAILED')
    expect(noAddress.message).toBe('请填写「详细地址」')
  })
})

describe('a zone form with something wrong', () => {
  const content = '合同约定去年6月交房，到现在还没交。'

  it('names the field: an unknown project, a missing answer, a wrong date, a field the zone lacks', async () => {
    const cases = [
      [{ ...housingForm, projectId: 'hp-nowhere-0000' }, '「楼盘」不在住建部门登记的楼盘里，请从列表中选择'],
      [{ ...housingForm, matter: undefined }, '请填写「反映事项」'],
      [{ ...housingForm, deliveryDate: '2025-02-30' }, '「合同约定交付日期」请按 2026-12-01 的格式填写'],
      [{ ...housingForm, colour: 'red' }, '「楼盘交付」没有「colour」这一项，请更新应用后再试'],
    ] as const
    for (const [zoneForm, message] of cases) {
      const error = expectError(await submit({ content, zone: 'housing', zoneForm }), 400, 'VALIDATION_FAILED')
      expect(error.message).toBe(message)
    }
  })

  it('asks for the zone when a form comes without one, and keeps nothing of a refused submission', async () => {
    const before = (await stack.api.get('/api/v1/cases?mine=1', { token: resident.token })).body.items.length
    expect(expectError(await submit({ content, zoneForm: housingForm }), 400, 'VALIDATION_FAILED').message).toBe('请选择「民生专区」')
    expectError(await submit({ content, zone: 'housing', ask: 'gossip', zoneForm: housingForm }), 400, 'VALIDATION_FAILED')
    expectError(await submit({ content, zone: 'housing', zoneForm: { projectId: { $gt: '' } } }), 400, 'VALIDATION_FAILED')
    expect((await stack.api.get('/api/v1/cases?mine=1', { token: resident.token })).body.items.length).toBe(before)
  })
})

describe('the workbench zone queue', () => {
  it('lists the open zone cases in the jurisdiction soonest due first, the hour questions on top, and counts them', async () => {
    const someone = await loginResident(stack.api, 'zone-queue')
    const file = (body: Record<string, unknown>) => stack.api.post('/api/v1/cases', body, { token: someone.token })
    const problem = await file({ content: '开发商逾期交房一年多了，一直不给说法。', zone: 'housing', ask: 'problem', zoneForm: { ...housingForm, projectId: 'hp-erqi-qiantang' } })
    const question = await file({ content: '请问逾期交房的违约金怎么计算？', zone: 'housing', ask: 'consult', zoneForm: { ...housingForm, projectId: 'hp-erqi-qiantang' } })
    const ordinary = await file({ content: '小区门口的路灯坏了一个月没人修。', category: 'city_management', region: 'erqi' })
    const office = await loginStaff(stack.api, 'erqi.office')
    const page = (await stack.api.get('/api/v1/workbench/queue?bucket=zones', { token: office.token })).body
    const ids = page.items.map((i: any) => i.id)
    expect(ids).toContain(problem.body.id)
    expect(ids.indexOf(question.body.id)).toBeLessThan(ids.indexOf(problem.body.id))
    expect(ids).not.toContain(ordinary.body.id)
    const dues = page.items.map((i: any) => Date.parse(i.dueAt))
    expect(dues).toEqual([...dues].sort((a, b) => a - b))
    const counts = (await stack.api.get('/api/v1/workbench/summary', { token: office.token })).body.counts
    expect(counts.zones).toBe(page.items.length)

    // one item a page: the cursor walks on in due order and ends
    const first = (await stack.api.get('/api/v1/workbench/queue?bucket=zones&pageSize=1', { token: office.token })).body
    const second = (await stack.api.get(`/api/v1/workbench/queue?bucket=zones&pageSize=1&cursor=${first.nextCursor}`, { token: office.token })).body
    expect([first.items[0].id, second.items[0].id]).toEqual(ids.slice(0, 2))
    // another district's office sees none of these
    const elsewhere = await loginStaff(stack.api, 'huiji.office')
    const theirs = (await stack.api.get('/api/v1/workbench/queue?bucket=zones', { token: elsewhere.token })).body.items.map((i: any) => i.id)
    expect(theirs).not.toContain(problem.body.id)
  })
})

describe('what the zones add up to', () => {
  it('shows a housing project with its zone cases counted by status, to anyone, without a person in it', async () => {
    const page = await stack.api.get('/api/v1/zones/housing/projects/hp-jinshui-jinxiu')
    expect(page.status).toBe(200)
    expect(page.body.project).toMatchObject({ name: '锦绣华庭', developer: '郑州锦程置业有限公司' })
    expect(page.body.cases.total).toBeGreaterThanOrEqual(1)
    expect(page.body.cases.byStatus).toContainEqual(expect.objectContaining({ status: 'registered', label: '已登记' }))
    expect(JSON.stringify(page.body)).not.toMatch(/content|owner|phone|合同约定/)
    expectError(await stack.api.get('/api/v1/zones/housing/projects/hp-nowhere-0000'), 404, 'PROJECT_NOT_FOUND')
  })

  it('counts a zone by its matter, with each clock on-time rate, over what the asker may see', async () => {
    const someone = await loginResident(stack.api, 'zone-stats')
    const ask = (matter: string, content: string) => stack.api.post('/api/v1/cases', { content, zone: 'legal', ask: 'consult', zoneForm: { matter } }, { token: someone.token })
    const answered = (await ask('legal_aid', '请问申请法律援助需要带哪些材料？')).body.id
    await ask('legal_aid', '法律援助是不是完全免费的？')
    await ask('notary', '公证遗嘱需要本人到场吗？')
    const handler = await loginStaff(stack.api, 'justice.handler')
    clock.set('2026-09-28T02:30:00Z')
    expect((await stack.api.post(`/api/v1/cases/${answered}/actions/accept`, {}, { token: handler.token })).status).toBe(200)
    expect((await stack.api.post(`/api/v1/cases/${answered}/actions/reply`, { text: '携带身份证、经济困难证明和案件材料到区法律援助中心申请。', outcome: 'explained' }, { token: handler.token })).status).toBe(200)
    // an hour and a half after they came in: the two unanswered questions are late
    clock.set('2026-09-28T03:30:00Z')
    const city = await loginStaff(stack.api, 'city.office')
    const stats = (await stack.api.get('/api/v1/zones/legal/stats?from=2026-09-28&to=2026-09-28', { token: city.token })).body
    expect(stats.groups).toMatchObject({ by: 'matter', label: '事项类别' })
    expect(stats.groups.items).toEqual(expect.arrayContaining([{ key: 'legal_aid', name: '法律援助', count: 2 }, { key: 'notary', name: '公证', count: 1 }]))
    const simple = stats.clocks.find((c: any) => c.triage === 'simple')
    expect(simple).toMatchObject({ label: '1小时内答复', onTime: 1, late: 2, pending: 0, rate: 0.333 })
    expect(stats.topMatters[0]).toMatchObject({ name: '法律援助', count: 2 })

    // a district office sees only its district's cases: these city-level ones are not in its figures
    const district = await loginStaff(stack.api, 'erqi.office')
    const theirs = (await stack.api.get('/api/v1/zones/legal/stats?from=2026-09-28&to=2026-09-28', { token: district.token })).body
    expect(theirs.total).toBeLessThan(stats.total)
    expectError(await stack.api.get('/api/v1/zones/legal/stats', { token: someone.token }), 403, 'STAFF_ONLY')
    expectError(await stack.api.get('/api/v1/zones/legal/stats?from=2026-10-01&to=2026-09-01', { token: city.token }), 400, 'VALIDATION_FAILED')
    clock.set('2026-09-28T02:00:00Z')
  })
})
