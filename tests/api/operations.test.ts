import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../support/client'
import { loginResident } from '../support/actors'
import { startServerProcess } from '../support/server-process'
import { stackEnv, startStack, type Stack } from '../support/stack'

let stack: Stack
const METRICS = 'metrics-scraper-token-for-tests'
beforeAll(async () => {
  stack = await startStack({ env: { RATE_LIMIT_PUBLIC_MAX: '5', RATE_LIMIT_LOGIN_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000', CORS_ORIGINS: 'https://h5.city.example', METRICS_TOKEN: METRICS } })
})
afterAll(() => stack.close())

describe('operations', () => {
  it('answers the health check when the database answers', async () => {
    const health = await stack.api.get('/healthz')
    expect(health.status).toBe(200)
    expect(health.body).toMatchObject({ status: 'ok', db: 'ok' })
  })

  it('publishes answer times per route at /metrics, only to the scraper holding the token', async () => {
    await stack.api.get('/api/v1/catalog')
    await stack.api.get('/api/v1/cases/c_no_such_case_1')
    expectError(await stack.api.get('/metrics'), 401, 'UNAUTHENTICATED')
    expectError(await stack.api.get('/metrics', { token: `${METRICS}x` }), 401, 'UNAUTHENTICATED')
    const metrics = await stack.api.get('/metrics', { token: METRICS })
    expect(metrics.status).toBe(200)
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = String(metrics.body)
    expect(text).toMatch(/xinfang_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/catalog"\} [1-9]/)
    // by the route's pattern, never the raw URL with its id
    expect(text).toContain('route="/api/v1/cases/:id"')
    expect(text).not.toContain('c_no_such_case_1')
    expect(text).toMatch(/xinfang_http_responses_total\{method="GET",route="\/metrics",status="4xx"\} 2/)
    expect(text).toMatch(/xinfang_event_loop_delay_seconds\{stat="max"\} \d/)
  })

  it('publishes OpenAPI at /docs with every API route', async () => {
    const spec = await stack.api.get('/docs/json')
    expect(spec.status).toBe(200)
    const paths = Object.keys(spec.body.paths)
    for (const path of ['/api/v1/auth/wechat', '/api/v1/auth/alipay', '/api/v1/auth/cityapp', '/api/v1/auth/staff', '/api/v1/cases/', '/api/v1/cases/{id}', '/api/v1/cases/{id}/rating', '/api/v1/track/{trackingNo}', '/api/v1/files/']) {
      expect(paths).toContain(path)
    }
    expect((await stack.api.get('/docs')).status).toBeLessThan(400)
  })

  it('tags every answer with its request id and sends security headers', async () => {
    const response = await stack.api.get('/api/v1/catalog')
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('strict-transport-security')).toContain('max-age')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  it('allows CORS only from configured origins', async () => {
    const allowed = await stack.api.request('OPTIONS', '/api/v1/catalog', undefined, { headers: { origin: 'https://h5.city.example', 'access-control-request-method': 'GET' } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://h5.city.example')
    const other = await stack.api.request('OPTIONS', '/api/v1/catalog', undefined, { headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('serves the catalog contract with the exact codes', async () => {
    const catalog = await stack.api.get('/api/v1/catalog')
    expect(catalog.body.units.map((u: any) => u.code)).toContain('heating')
    expect(catalog.body.regions).toHaveLength(16)
    expect(catalog.body.zones.map((z: any) => z.code)).toEqual(['housing', 'wages', 'legal', 'heating'])
  })

  it('rate-limits logins and public tracking with a clear 429', async () => {
    const answers = []
    for (let i = 0; i < 5; i++) answers.push(await stack.api.post('/api/v1/auth/staff', { username: 'nobody', password: 'x' }))
    expect(answers.slice(0, 3).map((a) => a.status)).toEqual([401, 401, 401])
    expectError(answers[4]!, 429, 'RATE_LIMITED')
    expect(answers[4]!.headers.get('retry-after')).toBeTruthy()
    const tracks = []
    for (let i = 0; i < 7; i++) tracks.push(await stack.api.get('/api/v1/track/000000000000'))
    expectError(tracks[6]!, 429, 'RATE_LIMITED')
  })
})

describe('the process', () => {
  it('starts from server.ts with the environment and stops cleanly on SIGTERM', async () => {
    const server = await startServerProcess(stackEnv(stack.mocks, `${stack.dataDir}/process`))
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    expect(await server.stop()).toBe(0)
    expect(server.output()).toContain('shutting down')
  })

  it('refuses to boot without its secrets, naming them', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], { env: { PATH: process.env.PATH }, cwd: new URL('../..', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stderr.on('data', (chunk) => (output += chunk))
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(output).toContain('JWT_SECRET')
    expect(output).toContain('PII_KEY')
  })

  it('refuses demo data in production', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], { env: { PATH: process.env.PATH, NODE_ENV: 'production', SEED_DEMO: '1' }, cwd: new URL('../..', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stderr.on('data', (chunk) => (output += chunk))
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(output).toMatch(/SEED_DEMO|production/)
  })
})

describe('a resident can page through many cases', () => {
  it('returns every case exactly once across pages, newest first', async () => {
    const stack2 = await startStack()
    try {
      const alice = await loginResident(stack2.api, 'alice')
      const ids: string[] = []
      for (let i = 0; i < 7; i++) {
        const created = await stack2.api.post('/api/v1/cases', { content: `第${i + 1}件事：小区路灯坏了好几天了` }, { token: alice.token })
        ids.push(created.body.id)
      }
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const page: any = await stack2.api.get(`/api/v1/cases?mine=1&pageSize=3${cursor ? `&cursor=${cursor}` : ''}`, { token: alice.token })
        expect(page.body.items.length).toBeLessThanOrEqual(3)
        seen.push(...page.body.items.map((c: any) => c.id))
        cursor = page.body.nextCursor
      } while (cursor)
      expect(seen).toEqual([...ids].reverse())
    } finally {
      await stack2.close()
    }
  })
})
