export type IntegrationPlatform = 'wechat' | 'alipay' | 'cityapp' | 'grid' | 'heating' | 'llm' | 'sms' | 'video'

/**
 * - `rejected`: the platform said no to what the resident brought (a bad or spent login code),
 *   or, on calls no resident stands behind, to the request itself (a page or QR scene it
 *   refuses): repeating it unchanged will never succeed.
 * - `unavailable`: the platform could not be used: timeout, network, 5xx after retries,
 *   or it refused *our* credentials, which no resident can fix either.
 * - `bad_response`: it answered, but not in a form we can trust (unparseable, bad signature).
 */
export type IntegrationErrorKind = 'rejected' | 'unavailable' | 'bad_response'

export interface IntegrationErrorInit {
  platform: IntegrationPlatform
  kind: IntegrationErrorKind
  /** For developers and logs, never for residents; must not contain secrets or tokens. */
  message: string
  detail?: Record<string, unknown>
  cause?: unknown
}

/** The only error an adapter lets out, so callers map failures by kind and never by platform. */
export class IntegrationError extends Error {
  override readonly name = 'IntegrationError'
  readonly platform: IntegrationPlatform
  readonly kind: IntegrationErrorKind
  readonly detail: Record<string, unknown> | undefined

  constructor({ platform, kind, message, detail, cause }: IntegrationErrorInit) {
    super(`${platform}: ${message}`, cause === undefined ? undefined : { cause })
    this.platform = platform
    this.kind = kind
    this.detail = detail
  }
}

export interface HttpClientOptions {
  platform: IntegrationPlatform
  /** Per attempt, including reading the body. */
  timeoutMs: number
  /** Further attempts after the first, spent only on failures a repeat can cure. */
  retries: number
  /** Pause before the first retry; doubles for each one after. */
  retryDelayMs?: number
}

export interface HttpRequest {
  /** Names the call in errors in place of the URL, whose query may hold secrets. */
  operation: string
  method: 'GET' | 'POST'
  url: URL
  query?: Record<string, string>
  form?: Record<string, string>
  json?: unknown
  headers?: Record<string, string>
}

export interface HttpResponse {
  status: number
  /** The body exactly as received, for checks such as signatures that need the raw text. */
  text: string
  /** The body parsed as JSON, whatever its content type claims (WeChat says text/plain). */
  body: unknown
}

/** An answer kept as bytes, for the platforms that may answer with an image instead of JSON. */
export interface HttpBytesResponse {
  status: number
  /** lower case, without parameters: `image/png`, `application/json`; '' when absent */
  mediaType: string
  bytes: Buffer
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>
  /** Same timeouts and retries as `request`, but the body is left unparsed. */
  requestBytes(request: HttpRequest): Promise<HttpBytesResponse>
}

type Attempt = HttpBytesResponse | { failure: string; cause: unknown }

const MAX_RETRY_DELAY_MS = 2_000

/**
 * JSON over fetch with a timeout per attempt and bounded retries. It retries
 * only what a repeat can cure (network errors, timeouts, 5xx, 429): a 4xx or a
 * platform's business error is an answer, and is returned as one. A retried
 * login exchange whose first attempt did reach the platform may come back as
 * "code already used"; the resident then simply logs in again.
 */
export function createHttpClient({ platform, timeoutMs, retries, retryDelayMs = 100 }: HttpClientOptions): HttpClient {
  async function attempt(url: URL, init: RequestInit): Promise<Attempt> {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
      return { status: response.status, mediaType, bytes: Buffer.from(await response.arrayBuffer()) }
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
      return { failure: timedOut ? `timed out after ${timeoutMs} ms` : `network error (${networkCause(error)})`, cause: error }
    }
  }

  async function requestBytes(request: HttpRequest): Promise<HttpBytesResponse> {
    const url = new URL(request.url)
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value)
    const init = requestInit(request)

    for (let attemptNumber = 1; ; attemptNumber += 1) {
      const outcome = await attempt(url, init)
      if (!('failure' in outcome) && !isRetryableStatus(outcome.status)) return outcome
      if (attemptNumber > retries) {
        const failure = 'failure' in outcome ? outcome.failure : `HTTP ${outcome.status}`
        throw new IntegrationError({
          platform,
          kind: 'unavailable',
          message: `${request.operation}: ${failure}, gave up after ${attemptNumber} attempt(s)`,
          detail: { attempts: attemptNumber, ...('status' in outcome ? { status: outcome.status } : {}) },
          cause: 'cause' in outcome ? outcome.cause : undefined,
        })
      }
      const delay = Math.min(retryDelayMs * 2 ** (attemptNumber - 1), MAX_RETRY_DELAY_MS)
      // jitter keeps many API workers from hammering a recovering platform in step
      await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random() / 2)))
    }
  }

  return {
    requestBytes,
    async request(request) {
      const { status, bytes } = await requestBytes(request)
      const text = bytes.toString('utf8')
      return { status, text, body: parseJson(platform, request.operation, { status, text }) }
    },
  }
}

function requestInit({ method, form, json, headers = {} }: HttpRequest): RequestInit {
  if (form !== undefined) {
    return {
      method,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', ...headers },
      body: new URLSearchParams(form).toString(),
    }
  }
  if (json !== undefined) {
    return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(json) }
  }
  return { method, headers }
}

function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429
}

function parseJson(platform: IntegrationPlatform, operation: string, { status, text }: { status: number; text: string }): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new IntegrationError({
      platform,
      kind: 'bad_response',
      message: `${operation}: HTTP ${status} with a body that is not JSON`,
      detail: { status, bodyStart: text.slice(0, 120) },
      cause: error,
    })
  }
}

/** fetch hides the system error (ECONNREFUSED, ENOTFOUND...) one level down. */
function networkCause(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined
  if (typeof cause === 'object' && cause !== null && 'code' in cause) return String(cause.code)
  return error instanceof Error ? error.message : String(error)
}

/** `path` below `base`, keeping any path the base URL already has (`.../wechat` + `sns/x`). */
export function urlUnder(base: string, path: string): URL {
  return new URL(path, base.endsWith('/') ? base : `${base}/`)
}
