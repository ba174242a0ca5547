import { and, eq } from 'drizzle-orm'
import { wechatOpenId } from '@xinfang/mocks/dev-identities'
import { demoStreets } from '@xinfang/server/db/demo-seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident, loginStaff } from '../support/actors'
import { DEMO_PASSWORD, fakeClock, startStack, type Stack } from '../support/stack'

// Monday 2026-11-02, 10:00 in Zhengzhou: office hours, far from any holiday.
const clock = fakeClock('2026-11-02T02:00:00Z')
const cn = (local: string) => `${local}+08:00`
// three signatures warn the case's street office, so each test needs only a few residents
const THRESHOLD = 3
let stack: Stack

beforeAll(async () => {
  stack = await startStack({ clock, env: { COSIGN_THRESHOLDS: `${THRESHOLD}:local,30:district,100:city` } })
})
afterAll(() => stack.close())

const HUAYUANLU = 'jinshui.huayuanlu'
const otherStreet = () => demoStreets().find((s) => !s.startsWith('jinshui.'))!

/** A joint complaint on `street` signed up to the warning threshold (the representative counts). */
async function warnedCampaign(prefix: string, street: string) {
  const people = await Promise.all(Array.from({ length: THRESHOLD }, (_, i) => loginResident(stack.api, `${prefix}-${i}`, 'cityapp')))
  const created = await stack.api.post(
    '/api/v1/cosign',
    { content: '小区旁工地夜间施工噪音扰民，持续两个月，居民无法休息。', category: 'pollution', region: street.split('.')[0], street },
    { token: people[0]!.token },
  )
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  for (const signer of people.slice(1)) expect((await stack.api.post(`/api/v1/cosign/${created.body.token}/sign`, undefined, { token: signer.token })).status).toBe(201)
  return created.body as { caseId: string; trackingNo: string }
}

const tables = () => stack.app.db.tables
const staffRow = async (username: string) => {
  const { staff } = tables()
  const [row] = await stack.app.db.q.select({ id: staff.id, phoneEnc: staff.phoneEnc }).from(staff).where(eq(staff.username, username))
  return row!
}
const phoneOf = async (username: string) => stack.app.pii.decrypt((await staffRow(username)).phoneEnc!)
const noticesTo = async (username: string, caseId: string, event: string) => {
  const { notifications: n } = tables()
  const staffId = (await staffRow(username)).id
  return stack.app.db.q.select({ status: n.status, nextAttemptAt: n.nextAttemptAt }).from(n).where(and(eq(n.staffId, staffId), eq(n.caseId, caseId), eq(n.event, event)))
}
/** who was told `event` on the case, by username */
const toldOf = async (caseId: string, event: string) => {
  const { notifications: n, staff } = tables()
  const rows = await stack.app.db.q.select({ username: staff.username }).from(n).innerJoin(staff, eq(staff.id, n.staffId)).where(and(eq(n.caseId, caseId), eq(n.event, event))).orderBy(staff.username)
  return rows.map((r) => r.username)
}
const smsTo = async (phone: string) => (await stack.mocks.calls('sms')).filter((c) => c.status === 200 && (c.body as { PhoneNumbers?: string }).PhoneNumbers === phone)
const subscribeSends = async () => (await stack.mocks.calls('wechat')).filter((c) => c.path.endsWith('/subscribe/send'))
const settingsOf = async (token: string) => (await stack.api.get('/api/v1/workbench/notice-settings', { token })).body

describe('work notices to staff', () => {
  it('reach a street office signed in from the WeChat mini-program by subscription message when a co-sign warning is raised', async () => {
    const login = await stack.api.post('/api/v1/auth/staff', { username: `${HUAYUANLU}.office`, password: DEMO_PASSWORD, miniProgram: { platform: 'wechat', code: 'dev:huayuanlu-desk' } })
    expect(login.status).toBe(200)
    expect((await settingsOf(login.body.token)).delivery).toMatchObject({ channel: 'wechat', label: expect.stringContaining('微信订阅消息') })

    await stack.mocks.clearCalls()
    const campaign = await warnedCampaign('notice-wechat', HUAYUANLU)
    expect(await stack.app.outbox.runOnce()).toMatchObject({ failed: 0, deferred: 0 })
    const sends = (await subscribeSends()).filter((c) => (c.body as { touser: string }).touser === wechatOpenId(stack.mocks.options.wechat.appId, 'huayuanlu-desk'))
    expect(sends).toHaveLength(1)
    expect(sends[0]!.body).toMatchObject({ page: `workbench/pages/case/index?id=${campaign.caseId}`, data: { character_string2: { value: campaign.trackingNo }, phrase3: { value: '联名预警' } } })
    expect(await noticesTo(`${HUAYUANLU}.office`, campaign.caseId, 'cosign_warning')).toEqual([expect.objectContaining({ status: 'sent' })])
  })

  it('text an office that never signed in from a mini-program, in the staff SMS template', async () => {
    const street = otherStreet()
    const office = await loginStaff(stack.api, `${street}.office`)
    expect((await settingsOf(office.token)).delivery.channel).toBe('sms')

    await stack.mocks.clearCalls()
    const campaign = await warnedCampaign('notice-sms', street)
    await stack.app.outbox.runOnce()
    const texts = await smsTo(await phoneOf(`${street}.office`))
    expect(texts).toHaveLength(1)
    expect(texts[0]!.body).toMatchObject({ TemplateCode: stack.mocks.options.sms.staffTemplateCode })
    expect(JSON.parse((texts[0]!.body as { TemplateParam: string }).TemplateParam)).toMatchObject({ no: campaign.trackingNo, status: '联名预警' })
  })

  it('send nothing to someone who turned that kind off, and nothing else changes for them', async () => {
    const street = otherStreet()
    const office = await loginStaff(stack.api, `${street}.office`)
    const before = await settingsOf(office.token)
    expect(before.settings).toEqual({ cosignWarning: true, dueSoon: true, overdue: true, quietHours: { enabled: true, start: '22:00', end: '07:00' } })
    const saved = await stack.api.put('/api/v1/workbench/notice-settings', { ...before.settings, cosignWarning: false }, { token: office.token })
    expect(saved.status).toBe(200)
    expect(saved.body.settings).toMatchObject({ cosignWarning: false, dueSoon: true })

    await stack.mocks.clearCalls()
    const campaign = await warnedCampaign('notice-off', street)
    await stack.app.outbox.runOnce()
    expect(await noticesTo(`${street}.office`, campaign.caseId, 'cosign_warning')).toEqual([])
    expect(await smsTo(await phoneOf(`${street}.office`))).toEqual([])
    // the warning itself is still there for the workbench
    const warnings = (await stack.api.get('/api/v1/warnings?pageSize=50', { token: office.token })).body.items as { caseId: string }[]
    expect(warnings.map((w) => w.caseId)).toContain(campaign.caseId)

    await stack.api.put('/api/v1/workbench/notice-settings', before.settings, { token: office.token })
  })

  it('hold a warning raised in quiet hours until they end, then send it', async () => {
    const street = otherStreet()
    clock.set(cn('2026-11-03T23:10:00'))
    await stack.mocks.clearCalls()
    const campaign = await warnedCampaign('notice-night', street)
    expect(await stack.app.outbox.runOnce()).toMatchObject({ sent: 0, deferred: 1 })
    expect(await noticesTo(`${street}.office`, campaign.caseId, 'cosign_warning')).toEqual([{ status: 'pending', nextAttemptAt: new Date(cn('2026-11-04T07:00:00')) }])
    expect(await smsTo(await phoneOf(`${street}.office`))).toEqual([])

    clock.set(cn('2026-11-04T07:00:00'))
    await stack.app.outbox.runOnce()
    expect(await smsTo(await phoneOf(`${street}.office`))).toHaveLength(1)
    expect(await noticesTo(`${street}.office`, campaign.caseId, 'cosign_warning')).toEqual([expect.objectContaining({ status: 'sent' })])
  })

  it('tell the holders of a case once when it turns due soon, and again when it goes late', async () => {
    clock.set(cn('2026-11-09T10:00:00'))
    const resident = await loginResident(stack.api, 'notice-deadline')
    const created = await stack.api.post('/api/v1/cases', { content: '小区东门的路灯坏了一个多月，晚上出行很不安全。', category: 'city_management', region: 'jinshui', street: HUAYUANLU }, { token: resident.token })
    expect(created.status).toBe(201)
    const caseId = created.body.id as string
    const office = await loginStaff(stack.api, 'jinshui.office')
    const dueAt = Date.parse((await stack.api.get(`/api/v1/cases/${caseId}`, { token: office.token })).body.dueAt)
    const told = (event: string) => toldOf(caseId, event)

    expect(await stack.app.jobs.warnDueSoon()).toBe(0)
    // two and a half days before the deadline, in office hours
    clock.set(new Date(dueAt - 60 * 3_600_000))
    expect(await stack.app.jobs.warnDueSoon()).toBeGreaterThanOrEqual(1)
    const dueSoon = await told('due_soon')
    expect(dueSoon.length).toBeGreaterThanOrEqual(1)
    await stack.mocks.clearCalls()
    await stack.app.outbox.runOnce()
    const texts = await Promise.all(dueSoon.map(async (username) => (await smsTo(await phoneOf(username))).length))
    expect(texts.every((n) => n === 1)).toBe(true)

    // later runs, the same day and the next, tell nobody again
    expect(await stack.app.jobs.warnDueSoon()).toBe(0)
    clock.advance(24 * 3_600_000)
    expect(await stack.app.jobs.warnDueSoon()).toBe(0)
    expect(await told('due_soon')).toEqual(dueSoon)

    clock.set(new Date(dueAt + 10 * 3_600_000))
    expect(await stack.app.jobs.escalateOverdue()).toBeGreaterThanOrEqual(1)
    expect(await told('overdue')).toEqual(dueSoon)
    expect(await stack.app.jobs.escalateOverdue()).toBe(0)
    expect(await told('overdue')).toEqual(dueSoon)
  })

  it('tell a co-owner as well as the lead: a bus matter in 金水区 held by the district office with the city transport bureau', async () => {
    clock.set(cn('2026-11-09T10:00:00'))
    const resident = await loginResident(stack.api, 'notice-co-owner')
    const created = await stack.api.post('/api/v1/cases', { content: '金水路公交站台的顶棚坏了，下雨天等车的人都淋湿了。', category: 'transport', region: 'jinshui' }, { token: resident.token })
    expect(created.status).toBe(201)
    expect(created.body.assignments.map((a: { unit: string; region: string; role: string }) => `${a.unit}@${a.region}:${a.role}`)).toEqual(['petition@jinshui:lead', 'transport@city:co_owner'])
    const office = await loginStaff(stack.api, 'jinshui.office')
    const dueAt = Date.parse((await stack.api.get(`/api/v1/cases/${created.body.id}`, { token: office.token })).body.dueAt)
    clock.set(new Date(dueAt - 60 * 3_600_000))
    expect(await stack.app.jobs.warnDueSoon()).toBeGreaterThanOrEqual(1)
    const told = await toldOf(created.body.id, 'due_soon')
    expect(told).toEqual(expect.arrayContaining(['jinshui.office', 'transport.handler']))
  })
})

describe('binding a mini-program identity at staff login', () => {
  const loginWith = (username: string, miniProgram: { platform: 'wechat' | 'alipay'; code: string }) =>
    stack.api.post('/api/v1/auth/staff', { username, password: DEMO_PASSWORD, miniProgram })

  it('binds an Alipay identity as well, and moves a shared phone\'s identity to whoever signed in last', async () => {
    const first = await loginWith('erqi.office', { platform: 'alipay', code: 'dev:duty-phone' })
    expect((await settingsOf(first.body.token)).delivery.channel).toBe('alipay')
    const second = await loginWith('zhongyuan.office', { platform: 'alipay', code: 'dev:duty-phone' })
    expect((await settingsOf(second.body.token)).delivery.channel).toBe('alipay')
    expect((await settingsOf(first.body.token)).delivery.channel).toBe('sms')
  })

  it('signs in all the same when the platform refuses the code; notices then stay on SMS', async () => {
    const login = await loginWith('huiji.office', { platform: 'wechat', code: 'not-a-real-code' })
    expect(login.status).toBe(200)
    expect((await settingsOf(login.body.token)).delivery.channel).toBe('sms')
  })
})

describe('the notice settings API', () => {
  it('is for staff only', async () => {
    const resident = await loginResident(stack.api, 'notice-nosy')
    expectError(await stack.api.get('/api/v1/workbench/notice-settings', { token: resident.token }), 403, 'STAFF_ONLY')
    expectError(await stack.api.get('/api/v1/workbench/notice-settings'), 401, 'UNAUTHENTICATED')
  })

  it('refuses quiet hours that end where they start, and times that are not HH:MM', async () => {
    const office = await loginStaff(stack.api, 'erqi.office')
    const { settings } = await settingsOf(office.token)
    expectError(await stack.api.put('/api/v1/workbench/notice-settings', { ...settings, quietHours: { enabled: true, start: '08:00', end: '08:00' } }, { token: office.token }), 400, 'QUIET_HOURS_INVALID')
    expectError(await stack.api.put('/api/v1/workbench/notice-settings', { ...settings, quietHours: { enabled: true, start: '25:00', end: '07:00' } }, { token: office.token }), 400, 'VALIDATION_FAILED')
    expect((await settingsOf(office.token)).settings).toEqual(settings)
  })

  it('keeps one person\'s settings their own', async () => {
    const [a, b] = await Promise.all([loginStaff(stack.api, 'zhongyuan.office'), loginStaff(stack.api, 'huiji.office')])
    const { settings } = await settingsOf(a.token)
    await stack.api.put('/api/v1/workbench/notice-settings', { ...settings, overdue: false, quietHours: { enabled: true, start: '21:30', end: '06:30' } }, { token: a.token })
    expect((await settingsOf(a.token)).settings).toMatchObject({ overdue: false, quietHours: { start: '21:30', end: '06:30' } })
    expect((await settingsOf(b.token)).settings).toMatchObject({ overdue: true, quietHours: { start: '22:00', end: '07:00' } })
  })
})
