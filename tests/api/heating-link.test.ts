import { createHmac, randomBytes } from 'node:crypto'
import { DEV_CREDENTIALS } from '@xinfang/mocks/config'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident, loginStaff } from '../support/actors'
import { fakeClock, startStack, type Stack } from '../support/stack'

const clock = fakeClock(new Date())
let stack: Stack
let resident: { token: string }
let office: { token: string }

beforeAll(async () => {
  stack = await startStack({ clock })
  resident = await loginResident(stack.api, 'heating-link')
  office = await loginStaff(stack.api, 'jinshui.office')
  await mocks('PUT', '/heating/webhook', { url: `${stack.baseUrl}/api/v1/zones/heating/webhook` })
})
afterAll(() => stack.close())

async function mocks(method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${stack.mocks.baseUrl}/__mocks${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined })
  return response.status === 204 ? null : response.json()
}

const orders = async () => (await mocks('GET', '/heating/orders')).orders as { orderNo: string; externalId: string; body: Record<string, unknown> }[]
const timeline = async (id: string) => (await stack.api.get(`/api/v1/cases/${id}`, { token: office.token })).body.timeline as { action: string; note: string; actor: { label: string } }[]

async function fileHeatingCase(content = '家里暖气一直不热，室温只有十四度。') {
  const created = await stack.api.post(
    '/api/v1/cases',
    { content, zone: 'heating', address: '农业院社区5号楼2单元301', contactPhone: '13800138000', zoneForm: { stationCode: 'hs-jinshui-0101', indoorTemp: 14, since: '2026-12-01', account: 'RL-2026-0088' } },
    { token: resident.token },
  )
  expect(created.status).toBe(201)
  return created.body.id as string
}

/** A webhook as the heating company signs it, or with one part spoiled. */
function signedWebhook(body: Record<string, unknown>, spoil: { secret?: string; timestamp?: number; nonce?: string } = {}) {
  const raw = JSON.stringify(body)
  const timestamp = String(spoil.timestamp ?? Math.floor(Date.now() / 1000))
  const nonce = spoil.nonce ?? randomBytes(16).toString('hex')
  const signature = createHmac('sha256', spoil.secret ?? DEV_CREDENTIALS.heatingWebhookSecret).update(`${timestamp}\n${nonce}\n${raw}`).digest('hex')
  return () =>
    fetch(`${stack.baseUrl}/api/v1/zones/heating/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rl-app-key': 'zzrl', 'x-rl-timestamp': timestamp, 'x-rl-nonce': nonce, 'x-rl-signature': signature },
      body: raw,
    }).then(async (r) => ({ status: r.status, headers: r.headers, body: (await r.json()) as any }))
}

describe('the heating zone, linked to the heating company', () => {
  let caseId: string
  let orderNo: string

  it('tells the resident at once that the case went to the heating company, and pushes the work order signed', async () => {
    caseId = await fileHeatingCase()
    const resident_view = (await stack.api.get(`/api/v1/cases/${caseId}`, { token: resident.token })).body
    expect(resident_view.timeline.at(-1)).toMatchObject({ action: 'heating_forwarded', note: '已转郑州热力集团有限公司，等待接单' })

    expect(await stack.app.outbound.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 })
    const [order] = (await orders()).filter((o) => o.externalId === caseId)
    expect(order!.body).toMatchObject({ stationCode: 'hs-jinshui-0101', indoorTemp: 14, since: '2026-12-01', account: 'RL-2026-0088', contactPhone: '13800138000', address: '农业院社区5号楼2单元301' })
    orderNo = order!.orderNo
    expect((await timeline(caseId)).at(-1)).toMatchObject({ action: 'heating_received', note: `郑州热力集团有限公司已收到工单（工单号 ${orderNo}），等待接单` })
    // nothing left to send
    expect(await stack.app.outbound.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 })
  })

  it('puts the company updates on the timeline, each once, and tells the resident', async () => {
    const accepted = await mocks('POST', `/heating/orders/${orderNo}/events`, { status: 'accepted', technician: { name: '王师傅' }, eventId: 'ev-accept-1' })
    expect(accepted.webhook).toEqual({ status: 200, body: { code: '0', message: 'ok', duplicate: false } })
    expect((await timeline(caseId)).at(-1)).toMatchObject({ action: 'heating_accepted', note: '郑州热力集团有限公司已接单（维修人员王师傅）', actor: { label: '郑州热力集团有限公司' } })

    // the company sends the same event again (its retry): answered, not written twice
    const again = await mocks('POST', `/heating/orders/${orderNo}/events`, { status: 'accepted', eventId: 'ev-accept-1' })
    expect(again.webhook.body.duplicate).toBe(true)
    const fixed = await mocks('POST', `/heating/orders/${orderNo}/events`, { status: 'fixed', note: '更换了单元立管阀门，室温回升到20度' })
    expect(fixed.webhook.status).toBe(200)
    const actions = (await timeline(caseId)).map((e) => e.action)
    expect(actions.filter((a) => a === 'heating_accepted')).toHaveLength(1)
    expect(actions.at(-1)).toBe('heating_fixed')

    await stack.app.outbox.runOnce()
    const pushes = (await mocks('GET', '/calls?platform=cityapp')).calls.filter((c: any) => c.path.endsWith('/push/v1/messages'))
    const told = pushes.map((c: any) => c.body.body as string)
    expect(told.some((m: string) => m.startsWith('热力公司已接单'))).toBe(true)
    expect(told.some((m: string) => m.startsWith('热力公司报告已修好'))).toBe(true)
  })

  it('refuses a webhook with a wrong signature, a stale clock, a replayed nonce or an unknown order, and writes nothing', async () => {
    const before = (await timeline(caseId)).length
    const update = { eventId: 'ev-on-site-x', orderNo, externalId: caseId, status: 'on_site', at: new Date().toISOString() }
    expectError(await signedWebhook(update, { secret: 'not-the-shared-secret-at-all' })(), 401, 'WEBHOOK_SIGNATURE_INVALID')
    expectError(await signedWebhook(update, { timestamp: Math.floor(Date.now() / 1000) - 400 })(), 401, 'WEBHOOK_STALE')
    expectError(await signedWebhook({ ...update, orderNo: 'RL-nobody' })(), 404, 'PUSH_NOT_FOUND')
    expectError(await signedWebhook({ ...update, status: 'teleported' })(), 400, 'VALIDATION_FAILED')
    expect((await timeline(caseId)).length).toBe(before)

    const once = signedWebhook(update)
    expect((await once()).status).toBe(200)
    expectError(await once(), 401, 'WEBHOOK_REPLAYED')
    expect((await timeline(caseId)).filter((e) => e.action === 'heating_on_site')).toHaveLength(1)
  })

  it('keeps a push through an outage: retried with backoff, delivered once the company is back, one order however often it was sent', async () => {
    const outageCase = await fileHeatingCase('楼里暖气全停了，一点都不热。')
    // every attempt fails while the company is down (the adapter tries twice per pass)
    await mocks('POST', '/faults', { platform: 'heating', mode: 'fail', count: 4 })
    expect(await stack.app.outbound.runOnce()).toMatchObject({ sent: 0, retried: 1 })
    expect((await stack.api.get(`/api/v1/cases/${outageCase}`, { token: resident.token })).body.timeline.at(-1).note).toBe('已转郑州热力集团有限公司，等待接单')
    // not due again until its backoff has passed
    expect(await stack.app.outbound.runOnce()).toMatchObject({ sent: 0, retried: 0 })
    clock.set(new Date(clock.now().getTime() + 60_000))
    expect(await stack.app.outbound.runOnce()).toMatchObject({ sent: 0, retried: 1 })
    clock.set(new Date(clock.now().getTime() + 10 * 60_000))
    expect(await stack.app.outbound.runOnce()).toMatchObject({ sent: 1 })
    expect((await orders()).filter((o) => o.externalId === outageCase)).toHaveLength(1)
    expect((await timeline(outageCase)).at(-1)?.action).toBe('heating_received')
  })
})
