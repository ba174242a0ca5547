import { LLM_DEV_CREDENTIALS } from '@xinfang/mocks/llm-platform'
import { describe, expect, it } from 'vitest'
import { failureOf, useMocks } from './adapter-test-kit'
import { createLlmClient, joinEventStream, type LlmOptions } from './llm'

const mocksOf = useMocks()

function client(overrides: Partial<LlmOptions> = {}) {
  return createLlmClient({ baseUrl: `${mocksOf().baseUrl}/llm/v1`, ...LLM_DEV_CREDENTIALS, timeoutMs: 2000, retries: 1, ...overrides })
}

const messages = [
  { role: 'system' as const, content: '请起草答复意见书' },
  { role: 'user' as const, content: '编号：4821-0937-5516\n来信内容：暖气不热' },
]

describe('the OpenAI-compatible chat client', () => {
  it('sends model, messages and the key, and reads choices[0].message.content', async () => {
    const answer = await client().complete(messages)
    expect(answer).toContain('编号：4821-0937-5516')
    const [call] = await mocksOf().calls('llm')
    expect(call).toMatchObject({ method: 'POST', path: '/llm/v1/chat/completions', status: 200 })
    expect(call?.body).toMatchObject({ model: LLM_DEV_CREDENTIALS.model, messages, stream: false })
  })

  it('reads a streamed answer as server-sent events, chunk by chunk, to the same text', async () => {
    const whole = await client().complete(messages)
    const streamed = await client().complete(messages, { stream: true })
    expect(streamed).toBe(whole)
    expect((await mocksOf().calls('llm')).map((c) => (c.body as { stream: boolean }).stream)).toEqual([false, true])
  })

  it('calls a refused key unavailable (ours to fix) and an unknown model a rejection', async () => {
    expect((await failureOf(client({ apiKey: 'sk-wrong' }).complete(messages))).kind).toBe('unavailable')
    expect((await failureOf(client({ model: 'gpt-nonexistent' }).complete(messages))).kind).toBe('rejected')
  })

  it('rides out one rate-limit answer, and gives up on a lasting outage or a stall', async () => {
    await mocksOf().injectFault({ platform: 'llm', mode: 'busy' })
    expect(await client().complete(messages, { stream: true })).toContain('暖气不热')
    await mocksOf().injectFault({ platform: 'llm', mode: 'fail', count: 2 })
    expect((await failureOf(client().complete(messages))).kind).toBe('unavailable')
    await mocksOf().injectFault({ platform: 'llm', mode: 'slow', delayMs: 2000 })
    const stalled = await failureOf(client({ timeoutMs: 200, retries: 0 }).complete(messages))
    expect(stalled.message).toMatch(/timed out/)
  })
})

describe('joinEventStream', () => {
  it('joins deltas, skipping comments and the role-only first chunk', () => {
    const body = ': keep-alive\n\ndata: {"choices":[{"delta":{"role":"assistant","content":""}}]}\n\ndata: {"choices":[{"delta":{"content":"你好"}}]}\n\ndata: {"choices":[{"delta":{"content":"，世界"}}]}\n\ndata: [DONE]\n\n'
    expect(joinEventStream(body)).toBe('你好，世界')
  })

  it('calls a cut-off stream a bad response rather than a whole answer', () => {
    expect(() => joinEventStream('data: {"choices":[{"delta":{"content":"半句"}}]}\n\n')).toThrow(/without \[DONE\]/)
  })
})
