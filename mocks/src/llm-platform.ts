import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import type { FastifyPluginAsync } from 'fastify'
import type { BusyAnswer } from './platform-scope'

export interface LlmMockOptions {
  apiKey: string
  /** the only model name accepted, as a hosted API refuses names it does not serve */
  model: string
}

/** What the mock accepts when nothing else is configured; the API's dev configuration uses the same. */
export const LLM_DEV_CREDENTIALS = { apiKey: 'sk-dev-llm-0000000000000000', model: 'deepseek-chat' } as const

interface ChatRequest {
  model?: unknown
  messages?: unknown
  stream?: unknown
}

interface Message {
  role: string
  content: string
}

const CHUNK_CHARS = 12

const openAiError = (message: string, type: string, code: string | null = null) => ({ error: { message, type, param: null, code } })

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).role === 'string' && typeof (value as Message).content === 'string'

/**
 * A deterministic answer built from the prompt, so tests can see their input came through:
 * the task named in the system message, then the first lines of the last user message; or,
 * when asked for a code among candidates, the last candidate's code.
 */
export function mockAnswer(messages: readonly Message[]): string {
  const system = messages.find((m) => m.role === 'system')?.content ?? ''
  const user = [...messages].reverse().find((m) => m.role === 'user')?.content ?? ''
  // asked to pick a code among listed candidates (`code：name` lines): the last one, so a test can tell the pick from the order it sent
  const codes = [...user.matchAll(/^([a-z]+)：/gm)].map((m) => m[1])
  if (/代码/.test(system) && codes.length > 0) return codes.at(-1)!
  const task = /答复|回复/.test(system) ? '答复意见（草稿）' : /摘要|概括|总结/.test(system) ? '案情摘要' : '回答'
  const digest = createHash('sha256').update(JSON.stringify(messages)).digest('hex').slice(0, 8)
  const gist = user.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).join(' / ').slice(0, 160)
  return `【模拟大模型·${task}】根据来信内容：${gist}。以上为模拟生成（${digest}）。`
}

/**
 * An OpenAI-compatible chat-completions endpoint under /llm/v1, as DeepSeek serves it: Bearer
 * key, `model`, `messages`, and `stream: true` answered as server-sent events, chunk by chunk.
 * @see https://api-docs.deepseek.com/api/create-chat-completion
 */
export function llmRoutes(options: LlmMockOptions): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: ChatRequest }>('/v1/chat/completions', async (request, reply) => {
      if (request.headers.authorization !== `Bearer ${options.apiKey}`) {
        return reply.code(401).send(openAiError('Authentication Fails, Your api key is invalid', 'authentication_error', 'invalid_request_error'))
      }
      const { model, messages, stream } = request.body ?? {}
      if (model !== options.model) return reply.code(400).send(openAiError('Model Not Exist', 'invalid_request_error'))
      if (!Array.isArray(messages) || messages.length === 0 || !messages.every(isMessage)) {
        return reply.code(400).send(openAiError('messages must be a non-empty array of {role, content}', 'invalid_request_error'))
      }
      const prompt = JSON.stringify(messages)
      const id = `chatcmpl-${createHash('sha256').update(prompt).digest('hex').slice(0, 24)}`
      const created = Math.floor(Date.now() / 1000)
      const content = mockAnswer(messages)

      if (stream !== true) {
        return {
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: prompt.length, completion_tokens: content.length, total_tokens: prompt.length + content.length },
        }
      }
      const chunk = (delta: Record<string, string>, finish: string | null) =>
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`
      const events = [chunk({ role: 'assistant', content: '' }, null)]
      for (let i = 0; i < content.length; i += CHUNK_CHARS) events.push(chunk({ content: content.slice(i, i + CHUNK_CHARS) }, null))
      events.push(chunk({}, 'stop'), 'data: [DONE]\n\n')
      // a stream, so the answer goes out in chunks as a hosted model's does
      return reply.type('text/event-stream; charset=utf-8').header('cache-control', 'no-cache').send(Readable.from(events))
    })
  }
}

export const llmBusyAnswer: BusyAnswer = (_request, reply) =>
  reply.code(429).send(openAiError('Rate limit reached for requests', 'rate_limit_error', 'rate_limit_exceeded'))
