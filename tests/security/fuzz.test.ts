import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERRORS } from '@xinfang/shared/errors'
import { loginResident, loginStaff, TINY_JPEG } from '../support/actors'
import type { ApiResponse } from '../support/client'
import { PLACES } from '@xinfang/shared/places'
import { fromSchema, type Hints, type JsonSchema } from '../support/schema-arbitrary'
import { startStack, type Stack } from '../support/stack'

/**
 * Property-based fuzzing of every route the OpenAPI document lists: bodies, path params, query
 * strings and headers generated from the routes' own schemas (mostly valid, with wrong types,
 * unknown fields and nasty strings mixed in). The property: never a 5xx, and every 4xx is a
 * stable code from the catalog with a Chinese message.
 */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 150)

interface Operation {
  method: string
  path: string
  params: { name: string; in: 'path' | 'query' | 'header'; schema: JsonSchema; required?: boolean }[]
  body: JsonSchema | null
  multipart: boolean
}

let stack: Stack
let tokens: string[]
let caseId: string
let tried = 0
let serverErrors = 0

beforeAll(async () => {
  stack = await startStack({ env: { BODY_LIMIT_BYTES: '65536' } })
  const [resident, staff] = await Promise.all([loginResident(stack.api, 'fuzz'), loginStaff(stack.api, 'city.office')])
  tokens = [resident.token, staff.token, 'not-a-token', `${resident.token.slice(0, -3)}abc`]
  caseId = (await stack.api.post('/api/v1/cases', { content: '模糊测试用的一件诉求，内容足够长。', category: 'heating', region: 'jinshui' }, { token: resident.token })).body.id
})
afterAll(async () => {
  console.log(`fuzz: ${tried} generated requests, ${serverErrors} answered 5xx`)
  await stack.close()
})

function expectWellFormed(response: ApiResponse, what: string) {
  if (response.status >= 500) serverErrors++
  expect(response.status, `${what} -> ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`).toBeLessThan(500)
  if (response.status >= 400) {
    expect(Object.keys(ERRORS), what).toContain(response.body?.code)
    expect(response.body.message, what).toMatch(/[\u4e00-\u9fa5]/)
  }
}

async function operations(): Promise<Operation[]> {
  const spec = (await stack.api.get('/docs/json')).body
  const ops: Operation[] = []
  for (const [path, methods] of Object.entries<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      if (path.startsWith('/docs')) continue
      const content = op.requestBody?.content ?? {}
      ops.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: content['application/json']?.schema ?? null,
        multipart: 'multipart/form-data' in content,
      })
    }
  }
  return ops
}

// one district, so a generated street and region agree and the request reaches dispatch
const streets = PLACES.filter((p) => p.code.startsWith('jinshui.') && (p.level === 'street' || p.level === 'community')).map((p) => p.code)
const hints: Hints = { street: fc.constantFrom(...streets), region: fc.constant('jinshui'), attachments: fc.constant([]) }

const pathValue = fc.oneof(
  fc.constant('__CASE__'),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('..%2F..%2Fetc%2Fpasswd', '%00', 'c_' + 'A'.repeat(64), '%E4%B8%AD%E6%96%87', '0000-0000-0000', '%FF%FE'),
)

describe('fuzzing every route from its schema', () => {
  it('finds no input that makes any route answer 5xx or an unknown error shape', async () => {
    const ops = await operations()
    expect(ops.length).toBeGreaterThanOrEqual(15)
    for (const op of ops) {
      const pathParams = op.params.filter((p) => p.in === 'path')
      const query = op.params.filter((p) => p.in === 'query')
      const arbitrary = fc.record({
        path: fc.tuple(...pathParams.map(() => pathValue)),
        query: fc.tuple(...query.map((q) => fc.option(fromSchema(q.schema)))),
        extraQuery: fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }))),
        body: op.body ? fromSchema(op.body, hints) : fc.option(fc.jsonValue({ maxDepth: 2 })),
        // mostly a real resident or staff token and a well-formed key, so most requests get past
        // authentication and header checks to the code behind them
        token: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(tokens[0]!, tokens[1]!) }, { weight: 1, arbitrary: fc.constantFrom(null, tokens[2]!, tokens[3]!) }),
        idempotencyKey: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_:.-]{8,40}$/) }, { weight: 1, arbitrary: fc.string({ maxLength: 140 }) }),
      })
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          let url = op.path
          pathParams.forEach((p, i) => {
            const value = input.path[i] === '__CASE__' ? caseId : encodeURIComponent(String(input.path[i]))
            url = url.replace(`{${p.name}}`, value || 'x')
          })
          const search = new URLSearchParams()
          query.forEach((q, i) => {
            const value = input.query[i]
            if (value !== null && value !== undefined) search.set(q.name, typeof value === 'string' ? value : JSON.stringify(value))
          })
          if (input.extraQuery) search.set(input.extraQuery[0], input.extraQuery[1])
          const qs = search.toString()
          const headers: Record<string, string> = {}
          // header values must be ISO-8859-1 for fetch to send them at all
          if (input.idempotencyKey !== null) headers['idempotency-key'] = input.idempotencyKey.replace(/[^\x20-\x7e]/g, '?') || 'k'
          const body = op.multipart ? undefined : op.method === 'GET' ? undefined : JSON.stringify(input.body)
          if (body !== undefined) headers['content-type'] = 'application/json'
          const response = await stack.api.request(op.method, `${url}${qs ? `?${qs}` : ''}`, body, { ...(input.token ? { token: input.token } : {}), headers })
          tried++
          expectWellFormed(response, `${op.method} ${url}?${qs} ${body?.slice(0, 200) ?? ''}`)
        }),
        { numRuns: RUNS_PER_ROUTE },
      )
    }
  }, 180_000)

  it('uploads: random bytes under random names and declared types are sniffed, never trusted', async () => {
    const [token] = tokens
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('../../../etc/passwd', 'a.jpg\u0000.php', '照片.heic', 'x'.repeat(300))),
        fc.constantFrom('image/jpeg', 'image/png', 'audio/mp4', 'application/x-msdownload', 'text/html', ''),
        fc.boolean(),
        async (bytes, name, type, prefixJpeg) => {
          const content = prefixJpeg ? new Uint8Array([...TINY_JPEG.subarray(0, 4), ...bytes]) : bytes
          const form = new FormData()
          form.append('file', new Blob([content], { type }), name || 'f')
          const response = await stack.api.post('/api/v1/files', form, { token })
          tried++
          expectWellFormed(response, `upload ${name} ${type} ${content.length}B`)
          if (response.status === 201) expect(response.body.mime).toMatch(/^(image|audio)\//)
        },
      ),
      { numRuns: RUNS_PER_ROUTE * 2 },
    )
  }, 120_000)
})

describe('hand-picked nasties', () => {
  const post = (path: string, body: string | Uint8Array, contentType = 'application/json') =>
    fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${tokens[0]}` }, body })

  it.each([
    ['deeply nested JSON', '['.repeat(20_000) + ']'.repeat(20_000)],
    ['deeply nested objects', '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)],
    ['a prototype-pollution key', '{"content":"一件足够长的诉求内容","__proto__":{"admin":true}}'],
    ['a constructor key', '{"content":"一件足够长的诉求内容","constructor":{"prototype":{"admin":true}}}'],
    ['duplicate keys', '{"content":"短","content":"一件足够长的诉求内容","content":1}'],
    ['a lone surrogate', '{"content":"\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800"}'],
    ['a huge number', '{"content":"一件足够长的诉求内容","location":{"latitude":1e400,"longitude":0}}'],
    ['trailing garbage', '{"content":"一件足够长的诉求内容"} trailing'],
  ])('%s', async (_name, body) => {
    const response = await post('/api/v1/cases', body)
    tried++
    const parsed = { status: response.status, headers: response.headers, body: await response.json() }
    expectWellFormed(parsed, _name)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })

  it('invalid UTF-8 bytes in a JSON body', async () => {
    const bytes = new Uint8Array([...Buffer.from('{"content":"'), 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, ...Buffer.from('内容足够长的诉求"}')])
    const response = await post('/api/v1/cases', bytes)
    tried++
    expectWellFormed({ status: response.status, headers: response.headers, body: await response.json() }, 'invalid utf-8')
  })

  it('a file whose bytes lie about its type', async () => {
    const form = new FormData()
    form.append('file', new Blob(['<?php system($_GET["c"]); ?>'], { type: 'image/jpeg' }), 'shell.php.jpg')
    const response = await stack.api.post('/api/v1/files', form, { token: tokens[0] })
    tried++
    expect(response.status).toBe(415)
    expect(response.body.code).toBe('UNSUPPORTED_FILE_TYPE')
  })
})
