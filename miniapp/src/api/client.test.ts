import { describe, expect, it, vi } from 'vitest'
import type { AuthResult } from '@xinfang/shared/contracts/auth'
import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error'
import { createApiClient, queryString, type SessionAccess } from './client'
import type { HttpRequest, HttpResponse, Transport } from './transport'

const BASE = 'http://api.test'
const expired = { statusCode: 401, data: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } }
const ok = (data: unknown = { ok: true }): HttpResponse => ({ statusCode: 200, data })
const authResult = (n: number): AuthResult => ({
  token: `access-${n}`,
  refreshToken: `refresh-token-number-${n}-xxxxxxxx`,
  expiresIn: 900,
  user: { kind: 'resident', id: 'r_12345678', platform: 'cityapp', displayName: '王*', verified: true, phoneVerified: true },
})

/** A session held in memory, recording what the client did with it. */
function memorySession(token: string | null = 'access-0', refreshToken: string | null = 'refresh-token-number-0-xxxxxxxx') {
  const state = { token, refreshToken, refreshed: 0, lost: [] as ApiError[] }
  const access: SessionAccess = {
    token: () => state.token,
    refreshToken: () => state.refreshToken,
    refreshed: (r) => {
      state.refreshed += 1
      state.token = r.token
      state.refreshToken = r.refreshToken
    },
    lost: (e) => {
      state.lost.push(e)
      state.token = null
      state.refreshToken = null
    },
  }
  return { state, access }
}

/** A transport answering from a handler, with a log of every request. */
function fakeTransport(handler: (req: HttpRequest) => Promise<HttpResponse> | HttpResponse) {
  const calls: HttpRequest[] = []
  const transport: Transport = {
    request: vi.fn(async (req: HttpRequest) => {
      calls.push(req)
      return handler(req)
    }),
    upload: vi.fn(async (req) => {
      calls.push({ url: req.url, method: 'POST', header: req.header })
      req.onProgress?.(50)
      return handler({ url: req.url, method: 'POST', header: req.header })
    }),
  }
  return { transport, calls }
}

const isRefresh = (req: HttpRequest) => req.url.endsWith('/api/v1/auth/refresh')
const bearer = (req: HttpRequest) => req.header.Authorization

describe('requests', () => {
  it('sends JSON with the bearer token to the base URL and returns the body', async () => {
    const { transport, calls } = fakeTransport(() => ok({ id: 'c1' }))
    const api = createApiClient({ baseUrl: BASE, transport, session: memorySession().access })
    await expect(api.post('/api/v1/cases', { content: 'x' }, { headers: { 'Idempotency-Key': 'k-12345678' } })).resolves.toEqual({ id: 'c1' })
    expect(calls[0]).toMatchObject({
      url: `${BASE}/api/v1/cases`,
      method: 'POST',
      data: { content: 'x' },
      header: { Authorization: 'Bearer access-0', 'Content-Type': 'application/json', 'Idempotency-Key': 'k-12345678' },
    })
  })

  it('leaves the token off public calls and serialises the query', async () => {
    const { transport, calls } = fakeTransport(() => ok())
    const api = createApiClient({ baseUrl: '', transport, session: memorySession().access })
    await api.get('/api/v1/cases', { query: { mine: '1', pageSize: 20, cursor: undefined, q: 'a b' }, auth: false })
    expect(calls[0]?.url).toBe('/api/v1/cases?mine=1&pageSize=20&q=a%20b')
    expect(bearer(calls[0]!)).toBeUndefined()
  })

  it('sends an empty JSON object on a write without a body: the platforms label every request JSON', async () => {
    const { transport, calls } = fakeTransport(() => ok({ count: 1 }))
    const api = createApiClient({ baseUrl: BASE, transport, session: memorySession().access })
    await expect(api.delete('/api/v1/cosign/t/sign')).resolves.toEqual({ count: 1 })
    await api.post('/api/v1/cosign/t/sign')
    await api.get('/api/v1/cosign/t')
    expect(calls.map((c) => [c.method, c.data, c.header['Content-Type']])).toEqual([
      ['DELETE', {}, 'application/json'],
      ['POST', {}, 'application/json'],
      ['GET', undefined, undefined],
    ])
  })

  it('builds absolute URLs for signed file links, leaving absolute ones alone', () => {
    const api = createApiClient({ baseUrl: BASE, transport: fakeTransport(() => ok()).transport, session: memorySession().access })
    expect(api.url('/api/v1/files/f1/content?exp=1&sig=x')).toBe(`${BASE}/api/v1/files/f1/content?exp=1&sig=x`)
    expect(api.url('https://cdn.example/x.jpg')).toBe('https://cdn.example/x.jpg')
  })

  it('writes an empty query as nothing', () => {
    expect(queryString({})).toBe('')
    expect(queryString({ a: null, b: '' })).toBe('')
  })
})

describe('error normalisation', () => {
  it('passes the API error code and Chinese message through', async () => {
    const { transport } = fakeTransport(() => ({ statusCode: 404, data: { code: 'CASE_NOT_FOUND', message: '没有找到这件诉求，请核对后再试' } }))
    const api = createApiClient({ baseUrl: BASE, transport, session: memorySession().access })
    const error = await api.get('/api/v1/cases/x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'CASE_NOT_FOUND', message: '没有找到这件诉求，请核对后再试', status: 404 })
  })

  it('parses an error body that arrives as text, keeping validation details', async () => {
    const body = JSON.stringify({ code: 'VALIDATION_FAILED', message: '「诉求内容」至少要写5个字', details: [{ field: 'content', reason: '「诉求内容」至少要写5个字' }] })
    const { transport } = fakeTransport(() => ({ statusCode: 400, data: body }))
    const api = createApiClient({ baseUrl: BASE, transport, session: memorySession().access })
    await expect(api.post('/api/v1/cases', {})).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'content' }] })
  })

  it('answers a proxy page or empty 5xx with the generic Chinese message', async () => {
    const { transport } = fakeTransport(() => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }))
    const api = createApiClient({ baseUrl: BASE, transport, session: memorySession().access })
    await expect(api.get('/x')).rejects.toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后再试', status: 502 })
  })

  it('names a rate limit without a body', async () => {
    const { transport } = fakeTransport(() => ({ statusCode: 429, data: '' }))
    const api = createApiClient({ baseUrl: BASE, transport, session: memorySession().access })
    await expect(api.get('/x')).rejects.toMatchObject({ code: 'RATE_LIMITED' })
  })

  it('turns a failed transport into NETWORK with a message residents understand', async () => {
    const { transport } = fakeTransport(() => Promise.reject(new Error('request:fail timeout')))
    const api = createApiClient({ baseUrl: BASE, transport, session: memorySession().access })
    await expect(api.get('/x')).rejects.toMatchObject({ code: 'NETWORK', message: NETWORK_ERROR_MESSAGE })
  })

  it('ends the session on a 401 other than an expired token', async () => {
    const session = memorySession()
    const { transport } = fakeTransport(() => ({ statusCode: 401, data: { code: 'TOKEN_INVALID', message: '登录状态无效，请重新登录' } }))
    const api = createApiClient({ baseUrl: BASE, transport, session: session.access })
    await expect(api.get('/x')).rejects.toMatchObject({ code: 'TOKEN_INVALID' })
    expect(session.state.lost.map((e) => e.code)).toEqual(['TOKEN_INVALID'])
  })

  it('leaves the session alone when a public call is refused', async () => {
    const session = memorySession()
    const { transport } = fakeTransport(() => ({ statusCode: 401, data: { code: 'LOGIN_CODE_INVALID', message: '登录没有成功，请重新打开应用再试' } }))
    const api = createApiClient({ baseUrl: BASE, transport, session: session.access })
    await expect(api.post('/api/v1/auth/wechat', { code: 'x' }, { auth: false })).rejects.toMatchObject({ code: 'LOGIN_CODE_INVALID' })
    expect(session.state.lost).toEqual([])
  })
})

describe('refresh on an expired token', () => {
  it('refreshes once for many concurrent 401s and retries each with the new token', async () => {
    const session = memorySession()
    let releaseRefresh: () => void = () => undefined
    const refreshGate = new Promise<void>((resolve) => (releaseRefresh = resolve))
    const { transport, calls } = fakeTransport(async (req) => {
      if (isRefresh(req)) {
        await refreshGate
        return ok(authResult(1))
      }
      return bearer(req) === 'Bearer access-1' ? ok({ url: req.url }) : expired
    })
    const api = createApiClient({ baseUrl: BASE, transport, session: session.access })
    const pending = [api.get('/a'), api.get('/b'), api.post('/c', { x: 1 })]
    await vi.waitFor(() => expect(calls.filter(isRefresh)).toHaveLength(1))
    releaseRefresh()
    await expect(Promise.all(pending)).resolves.toEqual([{ url: `${BASE}/a` }, { url: `${BASE}/b` }, { url: `${BASE}/c` }])
    expect(calls.filter(isRefresh)).toHaveLength(1)
    expect(calls.filter(isRefresh)[0]?.data).toEqual({ refreshToken: 'refresh-token-number-0-xxxxxxxx' })
    expect(session.state).toMatchObject({ refreshed: 1, token: 'access-1', refreshToken: 'refresh-token-number-1-xxxxxxxx', lost: [] })
  })

  it('does not refresh again for a 401 that arrives after a refresh already rotated the token', async () => {
    const session = memorySession()
    const { transport, calls } = fakeTransport((req) => {
      if (isRefresh(req)) return ok(authResult(1))
      return bearer(req) === 'Bearer access-1' ? ok() : expired
    })
    const api = createApiClient({ baseUrl: BASE, transport, session: session.access })
    await api.get('/first')
    // a request sent with the old token, answered after the refresh
    session.state.token = 'access-0'
    const late = api.get('/late')
    session.state.token = 'access-1'
    await expect(late).resolves.toEqual({ ok: true })
    expect(calls.filter(isRefresh)).toHaveLength(1)
  })

  it('retries only once: a second TOKEN_EXPIRED is returned, not refreshed again', async () => {
    const session = memorySession()
    const { transport, calls } = fakeTransport((req) => (isRefresh(req) ? ok(authResult(1)) : expired))
    const api = createApiClient({ baseUrl: BASE, transport, session: session.access })
    await expect(api.get('/x')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' })
    expect(calls.filter(isRefresh)).toHaveLength(1)
    expect(calls.filter((c) => !isRefresh(c))).toHaveLength(2)
  })

  it('clears the session once and fails every waiting request when the refresh is refused', async () => {
    const session = memorySession()
    const reused = { statusCode: 401, data: { code: 'REFRESH_TOKEN_REUSED', message: '为保护您的账号，已退出所有设备上的登录，请重新登录' } }
    const { transport, calls } = fakeTransport((req) => (isRefresh(req) ? reused : expired))
    const api = createApiClient({ baseUrl: BASE, transport, session: session.access })
    const results = await Promise.allSettled([api.get('/a'), api.get('/b')])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    for (const r of results) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' })
    expect(calls.filter(isRefresh)).toHaveLength(1)
    expect(session.state.lost.map((e) => e.code)).toEqual(['REFRESH_TOKEN_REUSED'])
    expect(session.state.token).toBeNull()
  })

  it('keeps the session when the refresh itself meets a network failure', async () => {
    const session = memorySession()
    const { transport } = fakeTransport((req) => (isRefresh(req) ? Promise.reject(new Error('offline')) : expired))
    const api = createApiClient({ baseUrl: BASE, transport, session: session.access })
    await expect(api.get('/x')).rejects.toMatchObject({ code: 'NETWORK' })
    expect(session.state.lost).toEqual([])
    expect(session.state.refreshToken).toBe('refresh-token-number-0-xxxxxxxx')
  })

  it('ends the session without a call when there is no refresh token', async () => {
    const session = memorySession('access-0', null)
    const { transport, calls } = fakeTransport(() => expired)
    const api = createApiClient({ baseUrl: BASE, transport, session: session.access })
    await expect(api.get('/x')).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' })
    expect(calls.filter(isRefresh)).toHaveLength(0)
    expect(session.state.lost).toHaveLength(1)
  })

  it('refreshes uploads the same way and reports progress', async () => {
    const session = memorySession()
    const { transport, calls } = fakeTransport((req) => {
      if (isRefresh(req)) return ok(authResult(1))
      return bearer(req) === 'Bearer access-1' ? { statusCode: 201, data: JSON.stringify({ id: 'f_12345678' }) } : expired
    })
    const api = createApiClient({ baseUrl: BASE, transport, session: session.access })
    const progress: number[] = []
    await expect(api.upload('/api/v1/files', { filePath: 'wxfile://tmp/a.jpg', fileType: 'image', onProgress: (p) => progress.push(p) })).resolves.toEqual({ id: 'f_12345678' })
    expect(calls.filter(isRefresh)).toHaveLength(1)
    expect(progress).toEqual([50, 50])
  })
})
