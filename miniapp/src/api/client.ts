import type { AuthResult } from '@xinfang/shared/contracts/auth'
import { ApiError, errorFromResponse, networkError, parseBody } from './api-error'
import type { HttpMethod, HttpResponse, Transport } from './transport'
import { ERRORS } from '@xinfang/shared/errors'

/** Where the client reads and writes the signed-in session (the session store in the app). */
export interface SessionAccess {
  token(): string | null
  refreshToken(): string | null
  /** a refresh succeeded: keep the rotated tokens */
  refreshed(result: AuthResult): void
  /** the session cannot be saved (refresh refused, token invalid): forget it and sign in again */
  lost(error: ApiError): void
}

export interface ApiClientOptions {
  baseUrl: string
  transport: Transport
  session: SessionAccess
  timeoutMs?: number
}

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  query?: Query
  body?: unknown
  headers?: Record<string, string>
  /** send the bearer token (default true); public routes such as /track pass false */
  auth?: boolean
}

export interface UploadOptions {
  filePath: string
  fileType: 'image' | 'audio'
  onProgress?: (percent: number) => void
}

const REFRESH_PATH = '/api/v1/auth/refresh'

export const queryString = (query: Query = {}): string => {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null && entry[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return pairs.length ? `?${pairs.join('&')}` : ''
}

/**
 * The one API client: JSON over the platform transport, bearer token, errors normalised to
 * ApiError. An expired access token (401 TOKEN_EXPIRED) is refreshed once and the request
 * retried once. Refreshes are single-flight: refresh tokens rotate and the API revokes the
 * whole family when one is used twice, so concurrent 401s all wait for the same refresh.
 */
export function createApiClient({ baseUrl, transport, session, timeoutMs = 15_000 }: ApiClientOptions) {
  let refreshing: Promise<string> | null = null

  const authHeader = (token: string | null): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {})

  async function send(run: () => Promise<HttpResponse>): Promise<HttpResponse> {
    try {
      return await run()
    } catch {
      throw networkError()
    }
  }

  async function refresh(): Promise<string> {
    const refreshToken = session.refreshToken()
    if (!refreshToken) {
      const error = new ApiError('REFRESH_TOKEN_INVALID', ERRORS.REFRESH_TOKEN_INVALID.message, 401)
      session.lost(error)
      throw error
    }
    // a network failure leaves the session alone: the token may still be good next time
    const res = await send(() =>
      transport.request({
        url: `${baseUrl}${REFRESH_PATH}`,
        method: 'POST',
        header: { 'Content-Type': 'application/json' },
        data: { refreshToken },
        timeout: timeoutMs,
      }),
    )
    if (res.statusCode >= 200 && res.statusCode < 300) {
      const result = parseBody(res.data) as AuthResult
      session.refreshed(result)
      return result.token
    }
    const error = errorFromResponse(res.statusCode, res.data)
    session.lost(error)
    throw error
  }

  const refreshOnce = (): Promise<string> => {
    refreshing ??= refresh().finally(() => {
      refreshing = null
    })
    return refreshing
  }

  /**
   * Sends with the current token; on 401 TOKEN_EXPIRED refreshes (or waits for the refresh in
   * flight) and sends once more. Any other 401 on an authenticated call ends the session.
   */
  async function withAuth(auth: boolean, attempt: (header: Record<string, string>) => Promise<HttpResponse>): Promise<unknown> {
    const sentToken = auth ? session.token() : null
    let res = await send(() => attempt(authHeader(sentToken)))
    if (auth && sentToken && res.statusCode === 401 && codeOf(res) === 'TOKEN_EXPIRED') {
      // another request may already have refreshed while this one was in the air
      const current = session.token()
      const token = current && current !== sentToken ? current : await refreshOnce()
      res = await send(() => attempt(authHeader(token)))
    }
    if (res.statusCode >= 200 && res.statusCode < 300) return parseBody(res.data)
    const error = errorFromResponse(res.statusCode, res.data)
    if (auth && sentToken && res.statusCode === 401) session.lost(error)
    throw error
  }

  const codeOf = (res: HttpResponse): string | null => {
    const body = parseBody(res.data) as { code?: unknown } | null
    return body && typeof body.code === 'string' ? body.code : null
  }

  function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const { query, headers = {}, auth = true } = options
    // wx.request and my.request label every request application/json, and the API refuses an
    // empty JSON body: a write without a body of its own sends an empty object
    const body = options.body === undefined && method !== 'GET' ? {} : options.body
    const url = `${baseUrl}${path}${queryString(query)}`
    const base = body === undefined ? headers : { 'Content-Type': 'application/json', ...headers }
    return withAuth(auth, (header) =>
      transport.request({ url, method, header: { ...base, ...header }, data: body, timeout: timeoutMs }),
    ) as Promise<T>
  }

  function upload<T>(path: string, { filePath, fileType, onProgress }: UploadOptions): Promise<T> {
    return withAuth(true, (header) =>
      transport.upload({ url: `${baseUrl}${path}`, header, filePath, name: 'file', fileType, onProgress }),
    ) as Promise<T>
  }

  return {
    get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
    post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => request<T>('POST', path, { ...options, body }),
    put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => request<T>('PUT', path, { ...options, body }),
    delete: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
    upload,
    /** absolute URL of an API path, e.g. a signed file URL handed out relative to the API */
    url: (path: string) => (/^https?:\/\//.test(path) ? path : `${baseUrl}${path}`),
  }
}

export type ApiClient = ReturnType<typeof createApiClient>
