import { createHttpClient, IntegrationError, urlUnder } from './http-client'
import { asJsonObject } from './json-fields'

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export interface LlmOptions {
  /** an OpenAI-compatible API root, such as https://api.deepseek.com/v1 or the mocks' /llm/v1 */
  baseUrl: string
  apiKey: string
  model: string
  timeoutMs: number
  retries: number
}

export interface CompletionOptions {
  /** ask for server-sent events and join the deltas; the answer is the same text */
  stream?: boolean
  maxTokens?: number
  temperature?: number
}

export interface LlmClient {
  readonly model: string
  /** The assistant's answer to the conversation; throws IntegrationError (platform 'llm') */
  complete(messages: readonly ChatMessage[], options?: CompletionOptions): Promise<string>
}

const fail = (kind: IntegrationError['kind'], message: string, detail?: Record<string, unknown>) =>
  new IntegrationError({ platform: 'llm', kind, message, ...(detail ? { detail } : {}) })

/** `choices[0].message.content` or, in a stream chunk, `choices[0].delta.content`. */
function contentOf(body: unknown, field: 'message' | 'delta'): string | null {
  const choices = asJsonObject(body)?.choices
  const first = Array.isArray(choices) ? asJsonObject(choices[0]) : null
  const content = asJsonObject(first?.[field])?.content
  return typeof content === 'string' ? content : null
}

/** The deltas of an SSE body joined: `data: {...}` lines up to `data: [DONE]`; comments and blank lines skipped. */
export function joinEventStream(text: string): string {
  let out = ''
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('data:')) continue
    const data = line.slice(5).trim()
    if (data === '[DONE]') return out
    let chunk: unknown
    try {
      chunk = JSON.parse(data)
    } catch {
      throw fail('bad_response', 'chat/completions: a stream event is not JSON', { eventStart: data.slice(0, 80) })
    }
    out += contentOf(chunk, 'delta') ?? ''
  }
  throw fail('bad_response', 'chat/completions: the stream ended without [DONE]')
}

/**
 * Chat completions in the OpenAI format, which DeepSeek and most hosted models speak. Timeouts
 * and retries are the http client's; a stream is read whole within the same timeout and its
 * deltas joined, since the staff screens show a finished draft, not typing.
 * @see https://api-docs.deepseek.com/api/create-chat-completion
 */
export function createLlmClient({ baseUrl, apiKey, model, timeoutMs, retries }: LlmOptions): LlmClient {
  const http = createHttpClient({ platform: 'llm', timeoutMs, retries })
  const url = urlUnder(baseUrl, 'chat/completions')

  return {
    model,
    async complete(messages, { stream = false, maxTokens = 1200, temperature = 0.3 } = {}) {
      const response = await http.requestBytes({
        operation: 'chat/completions',
        method: 'POST',
        url,
        json: { model, messages, stream, max_tokens: maxTokens, temperature },
        headers: { authorization: `Bearer ${apiKey}`, accept: stream ? 'text/event-stream' : 'application/json' },
      })
      const text = response.bytes.toString('utf8')
      if (response.status === 401 || response.status === 403) throw fail('unavailable', `chat/completions: our key was refused (HTTP ${response.status})`)
      if (response.status !== 200) throw fail('rejected', `chat/completions: HTTP ${response.status}`, { status: response.status, bodyStart: text.slice(0, 120) })
      if (stream && response.mediaType === 'text/event-stream') return joinEventStream(text)
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        throw fail('bad_response', 'chat/completions: HTTP 200 with a body that is not JSON', { bodyStart: text.slice(0, 120) })
      }
      const content = contentOf(body, 'message')
      if (content === null) throw fail('bad_response', 'chat/completions: no choices[0].message.content')
      return content
    },
  }
}
