/** What the API client needs from the platform: plain requests and file uploads. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface HttpRequest {
  url: string
  method: HttpMethod
  header: Record<string, string>
  data?: unknown
  timeout?: number
}

export interface UploadRequest {
  url: string
  header: Record<string, string>
  filePath: string
  /** multipart field name */
  name: string
  /** Alipay's my.uploadFile requires it; the others ignore it */
  fileType: 'image' | 'audio'
  onProgress?: (percent: number) => void
}

export interface HttpResponse {
  statusCode: number
  data: unknown
}

/** Both reject only when no answer came back (network down, timeout); any HTTP status resolves. */
export interface Transport {
  request(req: HttpRequest): Promise<HttpResponse>
  upload(req: UploadRequest): Promise<HttpResponse>
}
