import { describe, expect, it, vi } from 'vitest'

const taro = vi.hoisted(() => ({ request: vi.fn(), uploadFile: vi.fn() }))
vi.mock('@tarojs/taro', () => ({ default: taro }))

const { answerInFailure, taroTransport } = await import('./taro-transport')

const req = { url: 'http://api.test/api/v1/track/123456789012', method: 'GET' as const, header: {} }

describe('the Taro transport', () => {
  it('resolves with status and body when the platform answers', async () => {
    taro.request.mockResolvedValueOnce({ statusCode: 404, data: { code: 'CASE_NOT_FOUND', message: '没有找到' }, header: {} })
    await expect(taroTransport.request(req)).resolves.toEqual({ statusCode: 404, data: { code: 'CASE_NOT_FOUND', message: '没有找到' } })
  })

  it("turns Alipay's fail for a non-2xx status back into the answer", async () => {
    taro.request.mockRejectedValueOnce({ error: 19, errorMessage: 'http status error', status: 404, data: { code: 'CASE_NOT_FOUND', message: '没有找到' }, headers: {} })
    await expect(taroTransport.request(req)).resolves.toEqual({ statusCode: 404, data: { code: 'CASE_NOT_FOUND', message: '没有找到' } })
    taro.request.mockRejectedValueOnce({ error: 14, errorMessage: 'JSON parse data error', status: 502, data: '<html>' })
    await expect(taroTransport.request(req)).resolves.toEqual({ statusCode: 502, data: '<html>' })
  })

  it('still rejects when no answer came back', async () => {
    taro.request.mockRejectedValueOnce({ error: 12, errorMessage: '网络出错' })
    await expect(taroTransport.request(req)).rejects.toMatchObject({ error: 12 })
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail timeout' })
    await expect(taroTransport.request(req)).rejects.toMatchObject({ errMsg: 'request:fail timeout' })
    expect(answerInFailure(new Error('x'))).toBeNull()
  })

  it('uploads with the multipart field, the file type and progress', async () => {
    const progress: number[] = []
    const task = Object.assign(Promise.resolve({ statusCode: 201, data: '{"id":"f_12345678"}' }), {
      onProgressUpdate: (cb: (p: { progress: number }) => void) => cb({ progress: 40 }),
    })
    taro.uploadFile.mockReturnValueOnce(task)
    const res = await taroTransport.upload({ url: 'http://api.test/api/v1/files', header: { Authorization: 'Bearer t' }, filePath: 'a.jpg', name: 'file', fileType: 'image', onProgress: (p) => progress.push(p) })
    expect(res).toEqual({ statusCode: 201, data: '{"id":"f_12345678"}' })
    expect(taro.uploadFile).toHaveBeenCalledWith({ url: 'http://api.test/api/v1/files', header: { Authorization: 'Bearer t' }, filePath: 'a.jpg', name: 'file', fileType: 'image' })
    expect(progress).toEqual([40])
  })
})
