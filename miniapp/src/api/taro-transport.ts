import Taro from '@tarojs/taro'
import type { HttpResponse, Transport } from './transport'

/**
 * Alipay's my.request (and my.uploadFile) hand every non-2xx answer to `fail` (error 19 "http
 * status error", or 14 when the body is not JSON) with the status and body attached, so Taro's
 * promise rejects although the API did answer. Such a rejection is an answer, not a network
 * failure: keep its status and body so the API's own error (and a 401 refresh) still works.
 * @see https://opendocs.alipay.com/mini/api/owycmh
 */
export function answerInFailure(error: unknown): HttpResponse | null {
  if (typeof error !== 'object' || error === null) return null
  const { status, statusCode, data } = error as { status?: unknown; statusCode?: unknown; data?: unknown }
  const code = typeof statusCode === 'number' ? statusCode : typeof status === 'number' ? status : null
  return code !== null && code > 0 ? { statusCode: code, data } : null
}

async function answered(run: () => Promise<HttpResponse>): Promise<HttpResponse> {
  try {
    return await run()
  } catch (error) {
    const answer = answerInFailure(error)
    if (answer) return answer
    throw error
  }
}

/**
 * The transport over Taro.request / Taro.uploadFile: wx.request and wx.uploadFile on WeChat,
 * my.request and my.uploadFile on Alipay (Taro maps the field names), fetch and XHR on H5.
 * Only the promise forms are used: passing success/fail as well leaves the promise rejected
 * and unhandled on failure.
 * @see https://docs.taro.zone/docs/apis/network/request/
 * @see https://docs.taro.zone/docs/apis/network/upload/uploadFile
 */
export const taroTransport: Transport = {
  request: (req) =>
    answered(async () => {
      const res = await Taro.request({
        url: req.url,
        method: req.method,
        header: req.header,
        data: req.data as Record<string, unknown> | undefined,
        timeout: req.timeout,
        dataType: 'json',
      })
      return { statusCode: res.statusCode, data: res.data }
    }),
  upload: (req) =>
    answered(async () => {
      // fileType is Alipay's (required there; Taro passes unknown options through)
      const options = { url: req.url, header: req.header, filePath: req.filePath, name: req.name, fileType: req.fileType }
      const task = Taro.uploadFile(options)
      const { onProgress } = req
      if (onProgress) task.onProgressUpdate((p) => onProgress(p.progress))
      const res = await task
      return { statusCode: res.statusCode, data: res.data }
    }),
}
