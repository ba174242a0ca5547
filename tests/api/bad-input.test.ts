import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERRORS } from '@xinfang/shared/errors'
import { expectError, type ApiResponse } from '../support/client'
import { loginResident, loginStaff, TINY_JPEG, uploadFile } from '../support/actors'
import { startStack, type Stack } from '../support/stack'

let stack: Stack
const tokens: Record<'resident' | 'other' | 'staff', string> = { resident: '', other: '', staff: '' }
let caseId: string

async function newCase(): Promise<string> {
  const created = await stack.api.post('/api/v1/cases', { content: '楼下烧烤店油烟直排，晚上窗户都不敢开。', category: 'pollution', region: 'erqi' }, { token: tokens.resident })
  return created.body.id
}

beforeAll(async () => {
  stack = await startStack({ env: { UPLOAD_MAX_IMAGE_BYTES: '65536', BODY_LIMIT_BYTES: '65536' } })
  const [resident, other, staff] = await Promise.all([loginResident(stack.api, 'alice'), loginResident(stack.api, 'mallory'), loginStaff(stack.api, 'city.office')])
  tokens.resident = resident.token
  tokens.other = other.token
  tokens.staff = staff.token
  caseId = await newCase()
})
afterAll(() => stack.close())

/** Every answer to bad input: 4xx, a code from the catalog, a Chinese message; never a 500. */
function expectClientError(response: ApiResponse, label: string) {
  expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBeGreaterThanOrEqual(400)
  expect(response.status, label).toBeLessThan(500)
  expect(Object.keys(ERRORS), label).toContain(response.body.code)
  expect(response.body.message, label).toMatch(/[\u4e00-\u9fa5]/)
}

interface JsonRoute {
  name: string
  /** POST unless said */
  method?: 'PUT'
  url: (caseId: string) => string
  as?: keyof typeof tokens
  valid: Record<string, unknown>
}

const huge = 'x'.repeat(70_000)

const routes: JsonRoute[] = [
  { name: 'wechat login', url: () => '/api/v1/auth/wechat', valid: { code: 'dev:x' } },
  { name: 'alipay login', url: () => '/api/v1/auth/alipay', valid: { authCode: 'dev:x' } },
  { name: 'cityapp login', url: () => '/api/v1/auth/cityapp', valid: { ticket: 'dev:x' } },
  { name: 'staff login', url: () => '/api/v1/auth/staff', valid: { username: 'city.office', password: 'x' } },
  { name: 'refresh', url: () => '/api/v1/auth/refresh', valid: { refreshToken: 'a'.repeat(43) } },
  { name: 'logout', url: () => '/api/v1/auth/logout', valid: { refreshToken: 'a'.repeat(43) } },
  { name: 'submit', url: () => '/api/v1/cases', as: 'resident', valid: { content: '内容足够长的一条诉求' } },
  { name: 'accept', url: (id) => `/api/v1/cases/${id}/actions/accept`, as: 'staff', valid: {} },
  { name: 'reject', url: (id) => `/api/v1/cases/${id}/actions/reject`, as: 'staff', valid: { reason: '不属于信访事项', channel: '向人民法院起诉' } },
  { name: 'reply', url: (id) => `/api/v1/cases/${id}/actions/reply`, as: 'staff', valid: { text: '答复内容答复内容答复内容', outcome: 'explained' } },
  { name: 'close', url: (id) => `/api/v1/cases/${id}/actions/close`, as: 'staff', valid: {} },
  { name: 'rating', url: (id) => `/api/v1/cases/${id}/rating`, as: 'resident', valid: { satisfaction: 'satisfied' } },
  { name: 'review request', url: (id) => `/api/v1/cases/${id}/review-request`, as: 'resident', valid: { reason: '答复没有解决问题' } },
  {
    name: 'notice settings',
    method: 'PUT',
    url: () => '/api/v1/workbench/notice-settings',
    as: 'staff',
    valid: { cosignWarning: true, dueSoon: true, overdue: true, quietHours: { enabled: true, start: '22:00', end: '07:00' } },
  },
]

const mutations: [string, (valid: Record<string, unknown>) => unknown][] = [
  ['an unknown field', (v) => ({ ...v, isAdmin: true })],
  ['every field a number', (v) => Object.fromEntries(Object.keys(v).map((k) => [k, 12345]))],
  ['every field an empty string', (v) => Object.fromEntries(Object.keys(v).map((k) => [k, '']))],
  ['every field an object', (v) => Object.fromEntries(Object.keys(v).map((k) => [k, { $gt: '' }]))],
  ['every field a long string', (v) => Object.fromEntries(Object.keys(v).map((k) => [k, 'y'.repeat(6000)]))],
  ['an array instead of an object', () => [1, 2, 3]],
  ['null', () => null],
  ['a SQL fragment', (v) => Object.fromEntries(Object.keys(v).map((k) => [k, "' OR 1=1; DROP TABLE cases; --"]))],
]

describe('every JSON route refuses bad bodies with a clear 4xx', () => {
  for (const route of routes) {
    it(`${route.name}`, async () => {
      const token = route.as ? tokens[route.as] : undefined
      const opts = token ? { token } : {}
      // a case of its own, so that a mutation that happens to be valid changes nothing else
      const url = route.url(await newCase())
      for (const [label, mutate] of mutations) {
        const body = mutate(route.valid)
        // a mutation of a body with no fields, or a SQL fragment in free text, may be valid:
        // then it must simply be handled, not crash
        const mayBeValid = JSON.stringify(body) === JSON.stringify(route.valid) || label === 'a SQL fragment'
        const response = await stack.api.request(route.method ?? 'POST', url, JSON.stringify(body), { ...opts, headers: { 'content-type': 'application/json' } })
        if (mayBeValid && response.status < 400) continue
        expectClientError(response, `${route.name} with ${label}`)
      }
      expectError(await stack.api.request(route.method ?? 'POST', url, '{"broken": ', { ...opts, headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON')
      expectError(await stack.api.request(route.method ?? 'POST', url, 'content=hello', { ...opts, headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE')
      expectError(await stack.api.request(route.method ?? 'POST', url, JSON.stringify({ ...route.valid, padding: huge }), { ...opts, headers: { 'content-type': 'application/json' } }), 413, 'BODY_TOO_LARGE')
    })
  }
})

describe('specific refusals name what to fix', () => {
  it('explains a too-short complaint in Chinese, naming the field', async () => {
    const response = await stack.api.post('/api/v1/cases', { content: '太短' }, { token: tokens.resident })
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(response.body.message).toBe('「诉求内容」至少要写5个字')
    expect(response.body.details[0].field).toBe('content')
  })

  it('refuses content that is only blanks', async () => {
    const response = await stack.api.post('/api/v1/cases', { content: '          ' }, { token: tokens.resident })
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(response.body.message).toContain('诉求内容')
  })

  it('refuses an unknown field by name', async () => {
    const response = await stack.api.post('/api/v1/cases', { content: '内容足够长的一条诉求', ownerId: 'r_x' }, { token: tokens.resident })
    expect(response.body.message).toContain('ownerId')
  })

  it('refuses codes outside the catalog and a street outside its district', async () => {
    expectError(await stack.api.post('/api/v1/cases', { content: '内容足够长的一条诉求', region: 'beijing' }, { token: tokens.resident }), 400, 'VALIDATION_FAILED')
    expectError(await stack.api.post('/api/v1/cases', { content: '内容足够长的一条诉求', category: 'aliens' }, { token: tokens.resident }), 400, 'VALIDATION_FAILED')
    const wrongStreet = await stack.api.post('/api/v1/cases', { content: '内容足够长的一条诉求', region: 'erqi', street: 'jinshui.huayuanlu' }, { token: tokens.resident })
    expectError(wrongStreet, 400, 'VALIDATION_FAILED')
    expect(wrongStreet.body.message).toContain('街道')
    expectError(await stack.api.post('/api/v1/cases', { content: '内容足够长的一条诉求', street: 'jinshui.nosuchstreet' }, { token: tokens.resident }), 400, 'VALIDATION_FAILED')
  })

  it('refuses a malformed phone number and a bad Idempotency-Key', async () => {
    expectError(await stack.api.post('/api/v1/cases', { content: '内容足够长的一条诉求', contactPhone: '12345' }, { token: tokens.resident }), 400, 'VALIDATION_FAILED')
    expectError(await stack.api.post('/api/v1/cases', { content: '内容足够长的一条诉求' }, { token: tokens.resident, headers: { 'idempotency-key': 'short' } }), 400, 'VALIDATION_FAILED')
  })

  it('answers malformed and foreign ids with 400 and 404, never the data', async () => {
    expectError(await stack.api.get('/api/v1/cases/../../etc/passwd', { token: tokens.resident }), 404, 'ROUTE_NOT_FOUND')
    expectError(await stack.api.get('/api/v1/cases/%00', { token: tokens.resident }), 400, 'VALIDATION_FAILED')
    expectError(await stack.api.get('/api/v1/cases/c_doesnotexist000000', { token: tokens.resident }), 404, 'CASE_NOT_FOUND')
    expectError(await stack.api.get(`/api/v1/cases/${caseId}`, { token: tokens.other }), 404, 'CASE_NOT_FOUND')
  })

  it('refuses bad list queries', async () => {
    expectError(await stack.api.get('/api/v1/cases?pageSize=500', { token: tokens.resident }), 400, 'VALIDATION_FAILED')
    expectError(await stack.api.get('/api/v1/cases?status=lost', { token: tokens.resident }), 400, 'VALIDATION_FAILED')
    expectError(await stack.api.get('/api/v1/cases?cursor=bm9wZQ', { token: tokens.resident }), 400, 'VALIDATION_FAILED')
    expectError(await stack.api.get('/api/v1/cases?hack=1', { token: tokens.resident }), 400, 'VALIDATION_FAILED')
  })

  it('refuses an unknown action and a transition the state does not allow', async () => {
    expectError(await stack.api.post(`/api/v1/cases/${caseId}/actions/teleport`, {}, { token: tokens.staff }), 404, 'UNKNOWN_ACTION')
    expectError(await stack.api.post(`/api/v1/cases/${caseId}/actions/reply`, { text: '还没受理就答复是不行的。', outcome: 'explained' }, { token: tokens.staff }), 409, 'INVALID_TRANSITION')
    expectError(await stack.api.post(`/api/v1/cases/${caseId}/rating`, { satisfaction: 'satisfied' }, { token: tokens.resident }), 409, 'RATING_NOT_ALLOWED')
  })

  it('answers an unknown route and method in the same shape', async () => {
    expectError(await stack.api.get('/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND')
    expectError(await stack.api.request('PATCH', '/api/v1/cases'), 404, 'ROUTE_NOT_FOUND')
  })

  it('answers an address longer than the server reads in the same shape, before any route sees it', async () => {
    expectError(await stack.api.get(`/api/v1/warnings?cursor=${'x'.repeat(20_000)}`, { token: tokens.staff }), 431, 'REQUEST_TOO_LARGE')
    // and the server goes on answering
    expect((await stack.api.get('/healthz')).status).toBe(200)
  })
})

describe('uploads are checked from their bytes', () => {
  it('refuses a script dressed as a photo', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    expectError(await uploadFile(stack.api, tokens.resident, svg, 'cat.jpg', 'image/jpeg'), 415, 'UNSUPPORTED_FILE_TYPE')
  })

  it('refuses a file over the limit and an empty one, and a request with no file', async () => {
    const big = Buffer.concat([TINY_JPEG, Buffer.alloc(70_000)])
    expectError(await uploadFile(stack.api, tokens.resident, big), 413, 'FILE_TOO_LARGE')
    expectError(await uploadFile(stack.api, tokens.resident, new Uint8Array()), 400, 'FILE_MISSING')
    const form = new FormData()
    form.append('note', 'no file here')
    expectError(await stack.api.post('/api/v1/files', form, { token: tokens.resident }), 400, 'FILE_MISSING')
    expectError(await stack.api.post('/api/v1/files', { file: 'base64...' }, { token: tokens.resident }), 415, 'UNSUPPORTED_MEDIA_TYPE')
  })

  it('keeps a path in the file name from mattering', async () => {
    const response = await uploadFile(stack.api, tokens.resident, TINY_JPEG, '../../../../etc/passwd')
    expect(response.status).toBe(201)
    expect(response.body.url).not.toContain('passwd')
  })

  it("refuses to attach someone else's upload, or one already used", async () => {
    const upload = await uploadFile(stack.api, tokens.other, TINY_JPEG)
    expectError(await stack.api.post('/api/v1/cases', { content: '内容足够长的一条诉求', attachments: [upload.body.id] }, { token: tokens.resident }), 400, 'ATTACHMENT_INVALID')
    const mine = await uploadFile(stack.api, tokens.resident, TINY_JPEG)
    expect((await stack.api.post('/api/v1/cases', { content: '内容足够长的一条诉求', attachments: [mine.body.id] }, { token: tokens.resident })).status).toBe(201)
    expectError(await stack.api.post('/api/v1/cases', { content: '内容足够长的另一条诉求', attachments: [mine.body.id] }, { token: tokens.resident }), 400, 'ATTACHMENT_INVALID')
  })

  it('serves a file only through an unexpired, untampered link', async () => {
    const upload = await uploadFile(stack.api, tokens.resident, TINY_JPEG)
    expect((await stack.api.get(upload.body.url)).status).toBe(200)
    // flip the signature's first character (to another one: replacing an 'A' by 'A' tampers nothing)
    expectError(await stack.api.get(upload.body.url.replace(/sig=(.)/, (_: string, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`)), 404, 'FILE_NOT_FOUND')
    expectError(await stack.api.get(upload.body.url.replace(/exp=\d+/, 'exp=1')), 404, 'FILE_NOT_FOUND')
  })
})
