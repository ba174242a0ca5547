import { PNG } from 'pngjs'
import jsQR from 'jsqr'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident, loginStaff } from '../support/actors'
import { startStack, type Stack } from '../support/stack'

// Defaults as shipped, except the address surge (50 by default), lowered so one test can show it.
let stack: Stack
beforeAll(async () => {
  stack = await startStack({ env: { RATE_LIMIT_PUBLIC_MAX: '120', RATE_LIMIT_LOGIN_MAX: '20', COSIGN_IP_SURGE: '40/600' } })
})
afterAll(() => stack.close())

type Login = Awaited<ReturnType<typeof loginResident>>
/** City-app residents are real-name verified; each name is a different person. */
const citizens = (prefix: string, n: number) => Promise.all(Array.from({ length: n }, (_, i) => loginResident(stack.api, `${prefix}${i}`, 'cityapp')))

async function startCampaign(representative: Login, street = 'jinshui.huayuanlu') {
  const created = await stack.api.post(
    '/api/v1/cosign',
    { content: '小区旁工地夜间施工噪音扰民，持续两个月，居民无法休息。', category: 'pollution', region: street.split('.')[0], street },
    { token: representative.token },
  )
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return created.body as { id: string; caseId: string; token: string; trackingNo: string; qr: Record<string, string>; h5Url: string }
}
const signAs = (token: string, who: Login) => stack.api.post(`/api/v1/cosign/${token}/sign`, undefined, { token: who.token })
const view = (token: string, who?: Login) => stack.api.get(`/api/v1/cosign/${token}`, who ? { token: who.token } : {})
const warningsOf = async (username: string, caseId: string) => {
  const staff = await loginStaff(stack.api, username)
  const list = (await stack.api.get('/api/v1/warnings?pageSize=50', { token: staff.token })).body
  return (list.items as { caseId: string; kind: string; threshold: number; count: number; toName: string; growth: { count: number }[] }[]).filter((w) => w.caseId === caseId)
}

describe('a joint complaint', () => {
  it('is a dispatched case of kind joint, with a public page that says nothing about the representative', async () => {
    const [rep] = await citizens('rep-a', 1)
    const campaign = await startCampaign(rep!)
    expect(campaign.token.length).toBeLessThanOrEqual(32)
    const detail = (await stack.api.get(`/api/v1/cases/${campaign.caseId}`, { token: rep!.token })).body
    expect(detail).toMatchObject({ kind: 'joint', status: 'registered' })
    expect(detail.assignments.length).toBeGreaterThan(0)

    const page = (await view(campaign.token)).body
    expect(page).toMatchObject({ count: 1, open: true, mine: null, regionName: '花园路街道' })
    expect(Object.keys(page)).not.toEqual(expect.arrayContaining(['ownerId']))
    expect(JSON.stringify(page)).not.toMatch(new RegExp(`rep-a|${rep!.user.id}|phone|owner`, 'i'))
    expect((await view(campaign.token, rep)).body.mine).toEqual({ signed: true, representative: true })

    // the representative finds the codes again from the case; nobody else can
    expect((await stack.api.get(`/api/v1/cosign/case/${campaign.caseId}`, { token: rep!.token })).body).toEqual(campaign)
    const [other] = await citizens('rep-a-neighbour', 1)
    expectError(await stack.api.get(`/api/v1/cosign/case/${campaign.caseId}`, { token: other!.token }), 404, 'COSIGN_NOT_FOUND')
    expect((await stack.api.get('/api/v1/cases?pageSize=5', { token: rep!.token })).body.items[0]).toMatchObject({ id: campaign.caseId, kind: 'joint' })
  })

  it('counts each verified person once, lets them withdraw and sign again, and refuses the rest clearly', async () => {
    const [rep, alice, bob] = await citizens('rep-b', 3)
    const { token } = await startCampaign(rep!)
    expect((await signAs(token, alice!)).body.count).toBe(2)
    expectError(await signAs(token, alice!), 409, 'COSIGN_ALREADY_SIGNED')
    expectError(await signAs(token, rep!), 409, 'COSIGN_REPRESENTATIVE_SIGNED')
    expect((await signAs(token, bob!)).body.count).toBe(3)

    const withdrawn = await stack.api.delete(`/api/v1/cosign/${token}/sign`, { token: alice!.token })
    expect(withdrawn.body.count).toBe(2)
    expectError(await stack.api.delete(`/api/v1/cosign/${token}/sign`, { token: alice!.token }), 409, 'COSIGN_NOT_SIGNED')
    expect((await view(token, alice)).body.mine.signed).toBe(false)
    expect((await signAs(token, alice!)).body.count).toBe(3)

    // a WeChat resident who has not verified a phone number is nobody in particular
    const stranger = await loginResident(stack.api, 'unverified-neighbour', 'wechat')
    const refused = expectError(await signAs(token, stranger), 403, 'IDENTITY_NOT_VERIFIED')
    expect(refused.message).toContain('实名')

    // only the representative closes it; after that nobody signs
    expectError(await stack.api.post(`/api/v1/cosign/${token}/close`, undefined, { token: bob!.token }), 403, 'COSIGN_REPRESENTATIVE_ONLY')
    const closed = await stack.api.post(`/api/v1/cosign/${token}/close`, undefined, { token: rep!.token })
    expect(closed.body).toMatchObject({ open: false, closedReason: '发起人已结束联名', count: 3 })
    const [late] = await citizens('late-b', 1)
    expect(expectError(await signAs(token, late!), 409, 'COSIGN_CLOSED').message).toBe('发起人已结束联名')
  })

  it('refuses a forged or altered token as an invalid code', async () => {
    const [rep] = await citizens('rep-c', 1)
    const { token } = await startCampaign(rep!)
    const [id, mac] = token.split('.') as [string, string]
    const altered = `${id}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`
    expectError(await view(altered), 404, 'COSIGN_NOT_FOUND')
    expectError(await signAs(altered, rep!), 404, 'COSIGN_NOT_FOUND')
    expectError(await view('forged123456.AAAAAAAAAAAAAAAA'), 404, 'COSIGN_NOT_FOUND')
    expectError(await view('not a token'), 400, 'VALIDATION_FAILED')
  })

  it('refuses signatures once the complaint is not accepted', async () => {
    const [rep, neighbour] = await citizens('rep-d', 2)
    const campaign = await startCampaign(rep!)
    const office = await loginStaff(stack.api, 'jinshui.office')
    await stack.api.post(`/api/v1/cases/${campaign.caseId}/actions/reject`, { reason: '已通过诉讼程序处理', channel: '向金水区人民法院申请执行' }, { token: office.token })
    const refused = expectError(await signAs(campaign.token, neighbour!), 409, 'COSIGN_CLOSED')
    expect(refused.message).toContain('不予受理')
  })

  it('serves an H5 code that reads back as the scan URL', async () => {
    const [rep] = await citizens('rep-e', 1)
    const campaign = await startCampaign(rep!)
    const res = await fetch(`${stack.baseUrl}${campaign.qr.h5}`)
    expect(res.headers.get('content-type')).toBe('image/png')
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()))
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(campaign.h5Url)
    expect(campaign.h5Url).toContain(`#/pages/cosign/index?t=${encodeURIComponent(campaign.token)}`)
  })
})

describe('early warning', () => {
  it('warns each threshold once, notices a burst, and shows staff in the jurisdiction the growth', async () => {
    const [rep, ...crowd] = await citizens('rep-f', 32)
    const campaign = await startCampaign(rep!)
    for (const who of crowd.slice(0, 4)) await signAs(campaign.token, who)
    let warnings = await warningsOf('jinshui.huayuanlu.office', campaign.caseId)
    expect(warnings.map((w) => `${w.kind}:${w.threshold}`)).toEqual(['threshold:5'])
    expect(warnings[0]!.toName).toBe('金水区花园路街道信访办')

    // back under the line and over it again: still one warning for 5
    await stack.api.delete(`/api/v1/cosign/${campaign.token}/sign`, { token: crowd[0]!.token })
    await signAs(campaign.token, crowd[0]!)
    for (const who of crowd.slice(4, 29)) await signAs(campaign.token, who)
    warnings = await warningsOf('jinshui.office', campaign.caseId)
    const kinds = warnings.map((w) => `${w.kind}:${w.threshold}`).sort()
    expect(kinds).toEqual(['burst:20', 'threshold:30', 'threshold:5'])
    const thirty = warnings.find((w) => w.threshold === 30)!
    expect(thirty).toMatchObject({ count: 30, toName: '金水区信访局' })
    expect(thirty.growth.at(-1)!.count).toBe(30)

    // staff elsewhere see none of it; the timeline tells the representative
    expect(await warningsOf('erqi.office', campaign.caseId)).toEqual([])
    const timeline = (await stack.api.get(`/api/v1/cases/${campaign.caseId}`, { token: rep!.token })).body.timeline as { action: string; note: string }[]
    expect(timeline.filter((e) => e.action === 'cosign_warning').map((e) => e.note)).toEqual(
      expect.arrayContaining(['联名人数达到5人，已预警金水区花园路街道信访办和责任单位', '联名人数达到30人，已预警金水区信访局和责任单位']),
    )
  })

  it('lets a hundred neighbours behind one address sign within a minute, flagging the address instead of refusing it', async () => {
    const [rep, ...crowd] = await citizens('nat-', 101)
    const campaign = await startCampaign(rep!, 'erqi.jiefanglu')
    const results = await Promise.all(crowd.map((who) => signAs(campaign.token, who)))
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([])
    expect((await view(campaign.token)).body.count).toBe(101)
    const surge = (await warningsOf('erqi.office', campaign.caseId)).find((w) => w.kind === 'ip_surge') as unknown as { ipSurge: { addresses: number; largestShare: number } }
    expect(surge.ipSurge).toMatchObject({ addresses: 1, largestShare: 1 })
  })
})
