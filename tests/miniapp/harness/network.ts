import type { TempFile } from './temp-files'

/** One HTTP exchange the compiled app made through the platform, as the stack saw it. */
export interface HttpExchange {
  api: 'request' | 'uploadFile' | 'downloadFile'
  method: string
  /** the URL as the app built it, on its compiled API base */
  url: string
  /** path and query, the same on the compiled base and on the stack */
  path: string
  /** request headers, names lower-cased */
  headers: Record<string, string>
  /** JSON bodies parsed; uploads summarised (downloads' answers too) */
  body?: unknown
  status?: number
  /** the answer's body, parsed when it is JSON */
  response?: unknown
  /** set when no HTTP answer came back (refused origin, connection error) */
  error?: string
}

export interface HttpAnswer {
  status: number
  headers: Record<string, string>
  text: string
  bytes: Uint8Array<ArrayBuffer>
}

const lower = (headers: Record<string, unknown> = {}) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]))

const queryOf = (data: Record<string, unknown>) =>
  Object.entries(data)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * Real HTTP from the mini-program to the test's stack. The app's API base is a build-time
 * constant (`http://127.0.0.1:3000` unless TARO_APP_API_BASE was set for the build); the stack
 * listens on a free port. Instead of building a test-only bundle for a fixed port (which
 * collides with a running `npm start` and with parallel test files), requests to the compiled
 * base get their origin swapped for the stack's: the bundle under test is the very one
 * `npm run build:miniapp` made. Any other URL is refused the way a mini-program refuses a
 * domain missing from its allow-list, so a stray absolute URL shows up as a failure.
 */
export class Network {
  readonly exchanges: HttpExchange[] = []
  private pending = 0

  constructor(
    private readonly stackBase: string,
    private readonly appBase: string,
  ) {}

  /** when a request last started or ended: `settle` waits for the app to go quiet after it */
  lastActivityAt = 0

  get inFlight() {
    return this.pending
  }

  /** Body encoding both platforms document: GET data becomes the query, JSON bodies are serialised. */
  async request(url: string, method: string, rawHeaders: Record<string, unknown>, data: unknown): Promise<HttpAnswer> {
    const headers = { 'content-type': 'application/json', ...lower(rawHeaders) }
    let target = url
    let body: string | undefined
    if (method === 'GET' || method === 'HEAD') {
      const query = data && typeof data === 'object' ? queryOf(data as Record<string, unknown>) : typeof data === 'string' ? data : ''
      if (query) target += (url.includes('?') ? '&' : '?') + query
    } else if (data !== undefined && data !== null) {
      const form = headers['content-type'].includes('x-www-form-urlencoded') && typeof data === 'object'
      body = typeof data === 'string' ? data : form ? queryOf(data as Record<string, unknown>) : JSON.stringify(data)
    }
    const exchange: HttpExchange = { api: 'request', method, url: target, path: '', headers, ...(body === undefined ? {} : { body: parsed(body) }) }
    return this.exchange(exchange, body)
  }

  /** multipart/form-data with the file under `field`, as wx.uploadFile and my.uploadFile send it. */
  async upload(url: string, rawHeaders: Record<string, unknown>, field: string, file: TempFile, formData: Record<string, unknown> = {}): Promise<HttpAnswer> {
    const form = new FormData()
    for (const [k, v] of Object.entries(formData)) form.append(k, String(v))
    const name = file.path.split('/').pop() ?? 'file'
    form.append(field, new Blob([file.bytes], { type: file.mime }), name)
    // the platform writes its own multipart content-type (with the boundary)
    const headers = Object.fromEntries(Object.entries(lower(rawHeaders)).filter(([k]) => k !== 'content-type'))
    const exchange: HttpExchange = { api: 'uploadFile', method: 'POST', url, path: '', headers, body: { field, file: file.path, bytes: file.bytes.length } }
    return this.exchange(exchange, form)
  }

  /** GET into a file, as wx.downloadFile and my.downloadFile do (redirects followed). */
  async download(url: string, rawHeaders: Record<string, unknown>): Promise<HttpAnswer> {
    return this.exchange({ api: 'downloadFile', method: 'GET', url, path: '', headers: lower(rawHeaders) }, undefined)
  }

  private async exchange(exchange: HttpExchange, body: string | FormData | undefined): Promise<HttpAnswer> {
    this.exchanges.push(exchange)
    const base = this.appBase.replace(/\/$/, '')
    if (exchange.url !== base && !exchange.url.startsWith(`${base}/`)) {
      exchange.error = `url not in domain list: ${exchange.url} (the app was built for ${base})`
      throw new Error(exchange.error)
    }
    exchange.path = exchange.url.slice(base.length) || '/'
    this.pending += 1
    this.lastActivityAt = Date.now()
    try {
      const response = await fetch(this.stackBase + exchange.path, { method: exchange.method, headers: exchange.headers, body })
      const bytes = new Uint8Array(await response.arrayBuffer())
      const text = new TextDecoder().decode(bytes)
      exchange.status = response.status
      exchange.response = exchange.api === 'downloadFile' ? { bytes: bytes.length, type: response.headers.get('content-type') } : parsed(text)
      const headers: Record<string, string> = {}
      response.headers.forEach((value, name) => (headers[name] = value))
      return { status: response.status, headers, text, bytes }
    } catch (error) {
      exchange.error = error instanceof Error ? error.message : String(error)
      throw error
    } finally {
      this.pending -= 1
      this.lastActivityAt = Date.now()
    }
  }
}
