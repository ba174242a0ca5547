import { randomBytes } from 'node:crypto'
import { alipayUserId, cityAppIdentity, wechatOpenId } from '@xinfang/mocks/dev-identities'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../db/database'
import { ensureReferenceData } from '../../db/reference-data'
import { TEST_ENGINES, testDatabases } from '../../db/test-databases'
import { useMocks } from '../../integrations/adapter-test-kit'
import { createAlipayTemplateMessageClient } from '../../integrations/alipay-template-message'
import { createAliyunSmsClient } from '../../integrations/aliyun-sms'
import { createCityAppPushClient } from '../../integrations/cityapp-push'
import { createWechatServerApi } from '../../integrations/wechat-server-api'
import { createWechatSubscribeClient } from '../../integrations/wechat-subscribe'
import { newId, newTrackingNo } from '../../lib/ids'
import { createPiiCipher } from '../../lib/pii'
import { createOutbox } from './outbox'
import { createNotificationWorker, type DeliveryPolicy } from './notification-worker'
import { createStaffNoticeRepository, DEFAULT_NOTICE_SETTINGS } from './staff-notice-repository'

const mocksOf = useMocks()
const pii = createPiiCipher(randomBytes(32), randomBytes(32).toString('base64url'))
const POLICY: DeliveryPolicy = { batchSize: 10, leaseMs: 600_000, maxAttempts: 3, backoffBaseMs: 60_000, backoffMaxMs: 3_600_000 }
const silentLog = { warn: () => undefined, error: () => undefined }

const open = testDatabases()

describe.each(TEST_ENGINES)('on %s', (engine) => {
let db: Database
let now: Date
const clock = { now: () => new Date(now) }
let another: () => Promise<Database>

beforeEach(async () => {
  now = new Date('2025-03-03T01:00:00Z')
  const opened = await open(engine)
  db = opened.db
  another = opened.another
  await ensureReferenceData(db)
})

function worker(policy: Partial<DeliveryPolicy> = {}, on: Database = db) {
  const mocks = mocksOf()
  const common = { timeoutMs: 2000, retries: 0 }
  return createNotificationWorker({
    db: on,
    pii,
    clock,
    policy: { ...POLICY, ...policy },
    log: silentLog,
    random: () => 1,
    channels: {
      wechat: createWechatSubscribeClient({
        api: createWechatServerApi({ baseUrl: `${mocks.baseUrl}/wechat`, ...mocks.options.wechat, ...common }),
        templateId: mocks.options.wechat.noticeTemplateId,
        miniprogramState: 'developer',
      }),
      alipay: createAlipayTemplateMessageClient({
        gatewayUrl: `${mocks.baseUrl}/alipay/gateway.do`,
        appId: mocks.options.alipay.appId,
        ...mocks.alipayClientKeys,
        userTemplateId: mocks.options.alipay.noticeTemplateId,
        ...common,
      }),
      cityapp: createCityAppPushClient({ baseUrl: `${mocks.baseUrl}/cityapp`, ...mocks.options.cityapp, ...common }),
      sms: createAliyunSmsClient({ baseUrl: `${mocks.baseUrl}/sms`, ...mocks.options.sms, ...common }),
    },
  })
}

/** A resident with one case, as login and submission leave them. */
async function residentWithCase(platform: 'wechat' | 'alipay' | 'cityapp', platformUid: string, phones: { own?: string; contact?: string } = {}) {
  const { residents, cases } = db.tables
  await db.q
    .insert(residents)
    .values({ id: newId('r'), platform, platformUid, phoneEnc: phones.own ? pii.encrypt(phones.own) : null, createdAt: now, lastLoginAt: now })
    .onConflictDoNothing()
  const [owner] = await db.q.select().from(residents).where(eq(residents.platformUid, platformUid))
  const caseId = newId('c')
  const trackingNo = newTrackingNo()
  await db.q
    .insert(cases)
    .values({ id: caseId, trackingNo, ownerId: owner!.id, title: '楼道堆放杂物', content: '邻居在楼道堆放杂物，多次沟通无果。', contactPhoneEnc: phones.contact ? pii.encrypt(phones.contact) : null, status: 'accepted', registeredAt: now, updatedAt: now })
  return { residentId: owner!.id, caseId, trackingNo }
}

async function enqueue(target: { residentId: string; caseId: string; trackingNo: string }, event = 'accepted') {
  await createOutbox(db).enqueue({ ...target, event, title: '楼道堆放杂物', statusLabel: '办理中', message: '您的诉求已受理，将在法定期限内答复', at: now })
}

const rows = () => db.q.select().from(db.tables.notifications)
const openIdOf = (name: string) => wechatOpenId(mocksOf().options.wechat.appId, name)
const subscribeSends = async () => (await mocksOf().calls('wechat')).filter((call) => call.path.endsWith('/subscribe/send'))

describe('notification worker', () => {
  it('sends a WeChat resident the subscription message and marks the row sent', async () => {
    const target = await residentWithCase('wechat', openIdOf('outbox-alice'))
    await enqueue(target)
    expect(await worker().runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 })
    const [send] = await subscribeSends()
    expect(send?.body).toMatchObject({
      touser: openIdOf('outbox-alice'),
      page: `pages/case-detail/index?id=${target.caseId}`,
      miniprogram_state: 'developer',
      data: { character_string2: { value: target.trackingNo }, phrase3: { value: '办理中' }, thing5: { value: '您的诉求已受理，将在法定期限内答复' } },
    })
    expect(await rows()).toEqual([expect.objectContaining({ status: 'sent', channel: 'wechat', attempts: 1, sentAt: now, lastError: null })])
    expect(await worker().runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0 })
  })

  it('keeps a notice pending through a platform outage, and sends it once the backoff has passed', async () => {
    await enqueue(await residentWithCase('wechat', openIdOf('outbox-bob')))
    await mocksOf().injectFault({ platform: 'wechat', mode: 'fail' })
    const sender = worker()
    expect(await sender.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0, deferred: 0 })
    const [row] = await rows()
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('HTTP 503') })
    expect(row?.nextAttemptAt.getTime()).toBe(now.getTime() + POLICY.backoffBaseMs)

    expect(await sender.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0 })
    now = new Date(now.getTime() + POLICY.backoffBaseMs)
    expect(await sender.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 })
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2, channel: 'wechat' })
  })

  it('doubles the wait after each failure, up to the cap', async () => {
    await enqueue(await residentWithCase('wechat', openIdOf('outbox-carol')))
    const sender = worker({ maxAttempts: 10, backoffMaxMs: 150_000 })
    const waits: number[] = []
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await mocksOf().injectFault({ platform: 'wechat', mode: 'busy' })
      await sender.runOnce()
      const next = (await rows())[0]!.nextAttemptAt.getTime()
      waits.push(next - now.getTime())
      now = new Date(next)
    }
    expect(waits).toEqual([60_000, 120_000, 150_000])
  })

  it('falls back to SMS on the resident\'s verified phone when WeChat answers 43101', async () => {
    await mocksOf().optOut({ platform: 'wechat', userId: openIdOf('outbox-unsubscribed') })
    await enqueue(await residentWithCase('wechat', openIdOf('outbox-unsubscribed'), { own: '13912345678', contact: '13700000000' }))
    expect(await worker().runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 })
    const [sms] = await mocksOf().calls('sms')
    expect(sms?.body).toMatchObject({ PhoneNumbers: '13912345678', TemplateCode: mocksOf().options.sms.templateCode })
    expect((await rows())[0]).toMatchObject({ status: 'sent', channel: 'sms' })
  })

  it('uses the case\'s contact phone when the resident has none, and goes straight to SMS after a refusal', async () => {
    await mocksOf().optOut({ platform: 'wechat', userId: openIdOf('outbox-dave') })
    await enqueue(await residentWithCase('wechat', openIdOf('outbox-dave'), { contact: '13700000000' }))
    await mocksOf().injectFault({ platform: 'sms', mode: 'busy' })
    const sender = worker()
    expect(await sender.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0, deferred: 0 })
    expect((await rows())[0]).toMatchObject({ status: 'pending', channel: 'sms', lastError: expect.stringContaining('isv.BUSINESS_LIMIT_CONTROL') })
    now = new Date(now.getTime() + POLICY.backoffMaxMs)
    await mocksOf().clearCalls()
    expect(await sender.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 })
    expect(await subscribeSends()).toEqual([])
    expect((await mocksOf().calls('sms'))[0]?.body).toMatchObject({ PhoneNumbers: '13700000000' })
  })

  it('marks a notice failed, and keeps it, when a refusal leaves no phone to fall back to', async () => {
    await mocksOf().optOut({ platform: 'wechat', userId: openIdOf('outbox-erin') })
    await enqueue(await residentWithCase('wechat', openIdOf('outbox-erin')))
    expect(await worker().runOnce()).toEqual({ sent: 0, retried: 0, failed: 1, deferred: 0 })
    expect((await rows())[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/43101.*no phone number/) })
  })

  it('gives up after the maximum number of attempts, keeping the row as failed', async () => {
    await enqueue(await residentWithCase('wechat', openIdOf('outbox-frank')))
    await mocksOf().injectFault({ platform: 'wechat', mode: 'fail', count: POLICY.maxAttempts })
    const sender = worker()
    const results = []
    for (let attempt = 1; attempt <= POLICY.maxAttempts; attempt += 1) {
      results.push(await sender.runOnce())
      now = new Date(now.getTime() + POLICY.backoffMaxMs)
    }
    expect(results.at(-1)).toEqual({ sent: 0, retried: 0, failed: 1, deferred: 0 })
    expect(await rows()).toEqual([expect.objectContaining({ status: 'failed', attempts: POLICY.maxAttempts, lastError: expect.stringContaining('HTTP 503'), sentAt: null })])
    expect(await sender.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0 })
  })

  it('reaches Alipay and city app residents through their own platforms', async () => {
    await enqueue(await residentWithCase('alipay', alipayUserId('outbox-gina')))
    await enqueue(await residentWithCase('cityapp', cityAppIdentity('outbox-hank').sub))
    expect(await worker().runOnce()).toEqual({ sent: 2, retried: 0, failed: 0, deferred: 0 })
    expect((await mocksOf().calls('alipay'))[0]?.body).toMatchObject({ method: 'alipay.open.app.mini.templatemessage.send' })
    expect((await mocksOf().calls('cityapp'))[0]?.body).toMatchObject({ userId: cityAppIdentity('outbox-hank').sub, title: '诉求进度：已受理' })
    expect((await rows()).map((row) => row.channel).sort()).toEqual(['alipay', 'cityapp'])
  })

  it('never sends a row twice when passes are started on top of each other', async () => {
    await enqueue(await residentWithCase('wechat', openIdOf('outbox-ivy')))
    const sender = worker()
    const summaries = await Promise.all([sender.runOnce(), sender.runOnce(), sender.runOnce()])
    expect(summaries.reduce((total, summary) => total + summary.sent, 0)).toBe(1)
    expect(await subscribeSends()).toHaveLength(1)
  })

  // several API nodes are a PostgreSQL deployment: one SQLite file serves one API process
  it.skipIf(engine === 'sqlite')('never sends a row twice when two API nodes run their workers at the same moment', async () => {
    for (const name of ['outbox-kim', 'outbox-lee', 'outbox-moe', 'outbox-ned']) await enqueue(await residentWithCase('wechat', openIdOf(name)))
    const [first, second] = [worker({ batchSize: 2 }), worker({ batchSize: 2 }, await another())]
    const summaries = await Promise.all([first.runOnce(), second.runOnce(), first.runOnce(), second.runOnce()])
    expect(summaries.reduce((total, summary) => total + summary.sent, 0)).toBe(4)
    expect((await subscribeSends()).map((send) => (send.body as { touser: string }).touser).sort()).toEqual(['outbox-kim', 'outbox-lee', 'outbox-moe', 'outbox-ned'].map(openIdOf).sort())
  })

  it('has nothing to send for a change whose transaction rolled back', async () => {
    const target = await residentWithCase('wechat', openIdOf('outbox-jack'))
    await expect(
      // as the app does: the outbox writes on the transaction of the change
      db.transaction(async (tx) => {
        await createOutbox(db, tx).enqueue({ ...target, event: 'accepted', title: '楼道堆放杂物', statusLabel: '办理中', message: '您的诉求已受理', at: now })
        throw new Error('the change itself failed')
      }),
    ).rejects.toThrow('the change itself failed')
    expect(await rows()).toEqual([])
    expect(await worker().runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0 })
  })
})

describe('notification worker, staff notices', () => {
  /** A staff member as seeding and a workbench sign-in leave them, and a case they hold. */
  async function staffWithCase(name: string, options: { phone?: string; wechat?: boolean; active?: boolean } = {}) {
    const staffId = newId('s')
    await db.q
      .insert(db.tables.staff)
      .values({
        id: staffId,
        username: `${name}.handler`,
        passwordHash: 'not-used-here',
        name: '王建国',
        phoneEnc: options.phone ? pii.encrypt(options.phone) : null,
        role: 'handler',
        unitCode: 'housing',
        regionCode: 'city',
        active: options.active ?? true,
        noticePlatform: options.wechat ? 'wechat' : null,
        noticeUid: options.wechat ? openIdOf(name) : null,
        createdAt: now,
      })
    const { caseId, trackingNo } = await residentWithCase('cityapp', cityAppIdentity(`${name}-resident`).sub)
    await createOutbox(db).enqueueForStaff({ caseId, staffId, kind: 'due_soon', trackingNo, title: '楼道堆放杂物', message: '答复期限将于2025-03-05届满，请抓紧办理', at: now })
    return { staffId, caseId, trackingNo }
  }

  const smsSends = async () => (await mocksOf().calls('sms')).filter((call) => call.status === 200)

  it('reaches a staff member who signed in from WeChat by subscription message, opening the workbench', async () => {
    const target = await staffWithCase('staff-wang', { phone: '13903710001', wechat: true })
    expect(await worker().runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 })
    const [send] = await subscribeSends()
    expect(send?.body).toMatchObject({
      touser: openIdOf('staff-wang'),
      page: `workbench/pages/case/index?id=${target.caseId}`,
      data: { character_string2: { value: target.trackingNo }, phrase3: { value: '即将超期' } },
    })
    expect(await smsSends()).toEqual([])
  })

  it('texts a staff member with no mini-program identity, in the staff template', async () => {
    const target = await staffWithCase('staff-li', { phone: '13903710002' })
    expect(await worker().runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 })
    expect(await subscribeSends()).toEqual([])
    const [sms] = await smsSends()
    expect(sms?.body).toMatchObject({ PhoneNumbers: '13903710002', TemplateCode: mocksOf().options.sms.staffTemplateCode })
    expect(JSON.parse((sms?.body as { TemplateParam: string }).TemplateParam)).toEqual({ no: target.trackingNo, status: '即将超期', detail: '答复期限将于2025-03-05届满，请抓紧办理' })
  })

  it('holds a notice due in quiet hours until they end, attempts untouched, then sends it', async () => {
    now = new Date('2025-03-03T23:30:00+08:00')
    const target = await staffWithCase('staff-zhao', { phone: '13903710003' })
    const sender = worker()
    expect(await sender.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 1 })
    expect((await rows()).find((r) => r.caseId === target.caseId)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: new Date('2025-03-04T07:00:00+08:00') })
    now = new Date('2025-03-04T06:59:00+08:00')
    expect(await sender.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0 })
    now = new Date('2025-03-04T07:00:00+08:00')
    expect(await sender.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 })
    expect(await smsSends()).toHaveLength(1)
  })

  it('sends at night to someone who turned quiet hours off', async () => {
    now = new Date('2025-03-03T23:30:00+08:00')
    const target = await staffWithCase('staff-sun', { phone: '13903710004' })
    await createStaffNoticeRepository(db).saveSettings(target.staffId, { ...DEFAULT_NOTICE_SETTINGS, quietHours: { enabled: false, start: '22:00', end: '07:00' } }, now)
    expect(await worker().runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0 })
  })

  it('gives up on a notice to an account switched off meanwhile, without sending it', async () => {
    await staffWithCase('staff-qian', { phone: '13903710005', active: false })
    expect(await worker().runOnce()).toEqual({ sent: 0, retried: 0, failed: 1, deferred: 0 })
    expect(await smsSends()).toEqual([])
  })
})
})
