import { createRequire } from 'node:module'
import { answer } from './calls'
import type { ApiOptions, PlatformDeps, Router } from './platform-deps'
import { isPicture } from './temp-files'

const require = createRequire(import.meta.url)
/** miniprogram-simulate's `wx`: every WeChat API with WeChat's callback shapes and no behaviour. */
const simulatedWx = require('miniprogram-simulate/src/api') as Record<string, unknown>

const ok = (api: string, res: object = {}) => ({ ok: true as const, res: { errMsg: `${api}:ok`, ...res } })
const fail = (api: string, why: string) => ({ ok: false as const, res: { errMsg: `${api}:fail ${why}` } })

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text // WeChat hands back the raw text when the body is not JSON
  }
}

function navigation(router: Router) {
  const run = (api: string, step: (o: ApiOptions) => Promise<void>) => (o: ApiOptions) => {
    step(o).then(
      () => answer(o, ok(api)),
      (error: Error) => answer(o, fail(api, error.message)),
    )
  }
  return {
    navigateTo: run('navigateTo', (o) => router.navigateTo(String(o.url))),
    redirectTo: run('redirectTo', (o) => router.redirectTo(String(o.url))),
    switchTab: run('switchTab', (o) => router.switchTab(String(o.url))),
    reLaunch: run('reLaunch', (o) => router.reLaunch(String(o.url))),
    navigateBack: run('navigateBack', (o) => router.navigateBack(Number(o.delta ?? 1))),
  }
}

/**
 * `wx` as WeChat answers: simulate's API mock underneath, with real HTTP for request and
 * uploadFile, downloads into temp files, an album that takes only a local picture and may be
 * refused, a signed-in WeChat account for login, a real photo for the pickers, a configured
 * scanner, in-memory storage and a page stack behind navigation.
 * @see https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html
 * @see https://developers.weixin.qq.com/miniprogram/dev/api/network/upload/wx.uploadFile.html
 * @see https://developers.weixin.qq.com/miniprogram/dev/api/network/download/wx.downloadFile.html
 * @see https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.saveImageToPhotosAlbum.html
 * @see https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 */
export function createWx(deps: PlatformDeps): Record<string, unknown> {
  const { network, files, storage, album, subscriptions } = deps
  return {
    ...simulatedWx,
    ...navigation(deps.router),
    request(o: ApiOptions) {
      let aborted = false
      network.request(String(o.url), String(o.method ?? 'GET').toUpperCase(), (o.header ?? {}) as Record<string, unknown>, o.data).then(
        (a) => {
          if (aborted) return
          const data = o.dataType === undefined || o.dataType === 'json' ? parseJson(a.text) : a.text
          // any HTTP status is a success on WeChat; only "no answer" fails
          answer(o, ok('request', { data, statusCode: a.status, header: a.headers, cookies: [] }))
        },
        (error: Error) => answer(o, fail('request', error.message)),
      )
      return { abort: () => (aborted = true), onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} }
    },
    uploadFile(o: ApiOptions) {
      const progress: ((p: object) => void)[] = []
      const file = files.read(String(o.filePath))
      if (!file) answer(o, fail('uploadFile', `file not found ${String(o.filePath)}`))
      else {
        network.upload(String(o.url), (o.header ?? {}) as Record<string, unknown>, String(o.name), file, (o.formData ?? {}) as Record<string, unknown>).then(
          (a) => {
            const size = file.bytes.length
            for (const listener of progress) listener({ progress: 100, totalBytesSent: size, totalBytesExpectedToSend: size })
            // the body always arrives as text: uploadFile has no dataType
            answer(o, ok('uploadFile', { data: a.text, statusCode: a.status }))
          },
          (error: Error) => answer(o, fail('uploadFile', error.message)),
        )
      }
      return { abort() {}, onProgressUpdate: (cb: (p: object) => void) => progress.push(cb), offProgressUpdate() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },
    downloadFile(o: ApiOptions) {
      network.download(String(o.url), (o.header ?? {}) as Record<string, unknown>).then(
        (a) => {
          const file = files.write(a.bytes, a.headers['content-type']?.split(';')[0] ?? 'application/octet-stream')
          // like request: any HTTP status is a success, the app checks statusCode
          answer(o, ok('downloadFile', { tempFilePath: file.path, statusCode: a.status }))
        },
        (error: Error) => answer(o, fail('downloadFile', error.message)),
      )
      return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },
    saveImageToPhotosAlbum(o: ApiOptions) {
      const file = files.read(String(o.filePath))
      // a network URL or a made-up path is not a file the album can take
      if (!file) return answer(o, fail('saveImageToPhotosAlbum', `file not found ${String(o.filePath)}`))
      if (!album.allowed) return answer(o, fail('saveImageToPhotosAlbum', 'auth deny'))
      if (!isPicture(file.bytes)) return answer(o, fail('saveImageToPhotosAlbum', 'invalid file type'))
      album.saved.push(file)
      answer(o, ok('saveImageToPhotosAlbum'))
    },
    // the resident switches 添加到相册 on in the settings page it opens
    openSetting(o: ApiOptions) {
      album.allowed = true
      answer(o, ok('openSetting', { authSetting: { 'scope.writePhotosAlbum': true } }))
    },
    // the dialog opens only inside a tap, for one to three templates; the answer is keyed by template id
    requestSubscribeMessage(o: ApiOptions) {
      const ids = o.tmplIds
      if (!deps.gesture.inTap) return answer(o, fail('requestSubscribeMessage', 'can only be invoked by user TAP gesture.'))
      if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string' || id === '')) {
        return answer(o, { ok: false, res: { errMsg: 'requestSubscribeMessage:fail 参数传空了', errCode: 10001 } })
      }
      if (ids.length > 3) return answer(o, { ok: false, res: { errMsg: 'requestSubscribeMessage:fail 模板消息数量超过上限', errCode: 20003 } })
      if (subscriptions.answer === 'switched_off') return answer(o, { ok: false, res: { errMsg: 'requestSubscribeMessage:fail 用户关闭了主开关，无法进行订阅', errCode: 20004 } })
      const choice = subscriptions.decide(ids as string[])
      answer(o, ok('requestSubscribeMessage', Object.fromEntries(ids.map((id: string) => [id, choice]))))
    },
    login: (o: ApiOptions) => answer(o, ok('login', { code: `dev:${deps.user}` })),
    chooseImage(o: ApiOptions) {
      const photo = files.newPhoto()
      answer(o, ok('chooseImage', { tempFilePaths: [photo.path], tempFiles: [{ path: photo.path, size: photo.bytes.length }] }))
    },
    chooseMedia(o: ApiOptions) {
      const photo = files.newPhoto()
      const tempFile = { tempFilePath: photo.path, size: photo.bytes.length, fileType: 'image', thumbTempFilePath: '', width: 1, height: 1, duration: 0 }
      answer(o, ok('chooseMedia', { type: 'image', tempFiles: [tempFile] }))
    },
    scanCode(o: ApiOptions) {
      const text = deps.scanResult
      if (text === null) return answer(o, fail('scanCode', 'cancel'))
      answer(o, ok('scanCode', { result: text, scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData: Buffer.from(text).toString('base64') }))
    },
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
  }
}
