import { expect } from 'vitest'
import type { ErrorCode } from '@xinfang/shared/errors'

export interface ApiResponse<T = any> {
  status: number
  headers: Headers
  body: T
}

export interface RequestOptions {
  token?: string
  headers?: Record<string, string>
}

/** A thin fetch wrapper: real HTTP, JSON in and out, nothing clever. */
export function createClient(baseUrl: string) {
  async function request<T = any>(method: string, url: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    let payload: RequestInit['body']
    if (body instanceof FormData || typeof body === 'string') payload = body
    else if (body !== undefined) {
      headers['content-type'] ??= 'application/json'
      payload = JSON.stringify(body)
    }
    const response = await fetch(`${baseUrl}${url}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) })
    const text = await response.text()
    const isJson = response.headers.get('content-type')?.includes('json')
    return { status: response.status, headers: response.headers, body: (isJson && text ? JSON.parse(text) : text) as T }
  }
  return {
    request,
    get: <T = any>(url: string, options?: RequestOptions) => request<T>('GET', url, undefined, options),
    post: <T = any>(url: string, body?: unknown, options?: RequestOptions) => request<T>('POST', url, body, options),
    put: <T = any>(url: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', url, body, options),
    delete: <T = any>(url: string, options?: RequestOptions) => request<T>('DELETE', url, undefined, options),
  }
}

export type ApiClient = ReturnType<typeof createClient>

/** Asserts the error shape every route promises: a stable code and a Chinese message. */
export function expectError(response: ApiResponse, status: number, code: ErrorCode): { code: string; message: string } {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code })
  expect(response.body.message).toMatch(/[\u4e00-\u9fa5]/)
  return response.body
}
