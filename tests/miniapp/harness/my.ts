import { answer } from './calls'
import type { ApiOptions, PlatformDeps } from './platform-deps'
import { isPicture } from './temp-files'

const ok = (res: object = {}) => ({ ok: true as const, res })
const fail = (error: number, errorMessage: string, extra: object = {}) => ({ ok: false as const, res: { error, errorMessage, ...extra } })
const done = (o: ApiOptions) => answer(o, ok())

const recorder = () => ({ start() {}, stop() {}, pause() {}, resume() {}, onStart() {}, onStop() {}, onPause() {}, onResume() {}, onError() {}, onFrameRecorded() {} })
const audio = () => ({ src: '', play() {}, pause() {}, stop() {}, destroy() {}, onEnded() {}, onError() {}, onPlay() {} })

/**
 * `my` as Alipay answers, which is not how WeChat answers: my.request takes `headers` and answers
 * `{ data, status, headers }`, and a non-2xx status goes to `fail` with error 19 (the status,
 * data and headers ride along); my.getAuthCode answers `{ authCode }`, my.scan `{ code }`,
 * my.chooseImage `{ apFilePaths }`, my.downloadFile `{ apFilePath }` (failing on an HTTP error),
 * storage takes and returns objects (`{ key }` -> `{ data }`),
 * failures carry `{ error, errorMessage }` instead of errMsg. Taro's Alipay plugin maps all of
 * this to the WeChat shapes the app codes against; these mocks keep it honest.
 * @see https://opendocs.alipay.com/mini/api/owycmh (my.request, error codes)
 * @see https://opendocs.alipay.com/mini/api/kmq4hc (my.uploadFile)
 * @see https://opendocs.alipay.com/mini/api/requestSubscribeMessage
 */
export function createMy(deps: PlatformDeps): Record<string, unknown> {
  const { network, files, storage, router, album, subscriptions } = deps
  const nav = (step: (o: ApiOptions) => Promise<void>) => (o: ApiOptions) =>
    void step(o).then(
      () => done(o),
      (error: Error) => answer(o, fail(2, error.message)),
    )
  return {
    canIUse: () => true,
    getSystemInfoSync: () => ({ app: 'alipay', platform: 'iOS', version: '10.6.0', language: 'zh-Hans', model: 'iPhone15,2', system: '17.0', pixelRatio: 3, windowWidth: 390, windowHeight: 763, screenWidth: 390, screenHeight: 844, statusBarHeight: 47, titleBarHeight: 44 }),
    request(o: ApiOptions) {
      const headers = (o.headers ?? {}) as Record<string, unknown>
      network.request(String(o.url), String(o.method ?? 'GET').toUpperCase(), headers, o.data).then(
        (a) => {
          let data: unknown = a.text
          if (String(o.dataType ?? 'json').toLowerCase() === 'json' && a.text !== '') {
            try {
              data = JSON.parse(a.text)
            } catch {
              return answer(o, fail(14, 'JSON parse data error', { status: a.status, data: a.text, headers: a.headers }))
            }
          }
          if (a.status >= 200 && a.status < 300) answer(o, ok({ data, status: a.status, headers: a.headers }))
          else answer(o, fail(19, 'http status error', { status: a.status, data, headers: a.headers }))
        },
        (error: Error) => answer(o, fail(12, `网络出错 ${error.message}`)),
      )
      return { abort() {} }
    },
    uploadFile(o: ApiOptions) {
      const progress: ((p: object) => void)[] = []
      const file = files.read(String(o.filePath))
      // `name` today; `fileName` in older clients (Taro sends both)
      const field = String(o.name ?? o.fileName)
      if (!file) answer(o, fail(11, '文件不存在'))
      else {
        network.upload(String(o.url), (o.header ?? {}) as Record<string, unknown>, field, file, (o.formData ?? {}) as Record<string, unknown>).then(
          (a) => {
            const size = file.bytes.length
            for (const listener of progress) listener({ progress: 100, totalBytesWritten: size, totalBytesExpectedToWrite: size })
            // any answer is a success here, the body is text
            answer(o, ok({ data: a.text, statusCode: a.status, header: a.headers }))
          },
          (error: Error) => answer(o, fail(12, `上传文件失败 ${error.message}`)),
        )
      }
      return { abort() {}, onProgressUpdate: (cb: (p: object) => void) => progress.push(cb), offProgressUpdate() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },
    downloadFile(o: ApiOptions) {
      network.download(String(o.url), (o.header ?? {}) as Record<string, unknown>).then(
        (a) => {
          if (a.status < 200 || a.status >= 300) return answer(o, fail(12, `下载文件失败 ${a.status}`))
          const file = files.write(a.bytes, a.headers['content-type']?.split(';')[0] ?? 'application/octet-stream')
          answer(o, ok({ apFilePath: file.path }))
        },
        (error: Error) => answer(o, fail(12, `下载文件失败 ${error.message}`)),
      )
      return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} }
    },
    saveImageToPhotosAlbum(o: ApiOptions) {
      const file = files.read(String(o.filePath))
      if (!file) return answer(o, fail(11, '文件不存在'))
      if (!album.allowed) return answer(o, fail(15, '用户不允许保存到相册'))
      if (!isPicture(file.bytes)) return answer(o, fail(2, '不支持的图片格式'))
      album.saved.push(file)
      done(o)
    },
    openSetting(o: ApiOptions) {
      album.allowed = true
      answer(o, ok({ authSetting: { album: true } }))
    },
    // `entityIds`, one to three; the answer has each id's choice and Alipay's own lists
    requestSubscribeMessage(o: ApiOptions) {
      const ids = o.entityIds
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 3 || ids.some((id) => typeof id !== 'string' || id === '')) return answer(o, fail(2, '参数错误'))
      if (subscriptions.answer === 'switched_off') throw new Error('the harness models WeChat\'s main switch only')
      const choice = subscriptions.decide(ids as string[])
      const accepted = choice === 'accept' ? (ids as string[]) : []
      const result = { subscribeEntityIds: accepted, subscribedEntityIds: accepted, unsubscribedEntityIds: choice === 'accept' ? [] : ids, currentSubscribedEntityIds: accepted }
      answer(o, ok({ behavior: choice === 'accept' ? 'subscribe' : 'cancel', keep: false, refuse: false, show: true, result, ...Object.fromEntries(ids.map((id: string) => [id, choice])) }))
    },
    getAuthCode: (o: ApiOptions) => answer(o, ok({ authCode: `dev:${deps.user}`, authErrorScopes: {}, authSuccessScopes: [String(o.scopes ?? 'auth_base')] })),
    chooseImage(o: ApiOptions) {
      const photo = files.newPhoto()
      answer(o, ok({ apFilePaths: [photo.path], tempFilePaths: [photo.path], tempFiles: [{ path: photo.path, size: photo.bytes.length }] }))
    },
    chooseMedia(o: ApiOptions) {
      const photo = files.newPhoto()
      answer(o, ok({ type: 'image', tempFiles: [{ tempFilePath: photo.path, size: photo.bytes.length, fileType: 'image' }] }))
    },
    scan(o: ApiOptions) {
      const code = deps.scanResult
      if (code === null) return answer(o, fail(10, '用户取消'))
      answer(o, ok({ code, qrCode: code, imageChannel: 'camera', rawData: Buffer.from(code).toString('base64') }))
    },
    getStorageSync: ({ key }: { key: string }) => ({ data: storage.has(key) ? storage.get(key) : null }),
    setStorageSync: ({ key, data }: { key: string; data: unknown }) => void storage.set(key, data),
    removeStorageSync: ({ key }: { key: string }) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    showToast: done,
    hideToast: done,
    showLoading: done,
    hideLoading: done,
    alert: done,
    confirm: (o: ApiOptions) => answer(o, ok({ confirm: true })),
    setClipboard: done,
    setNavigationBar: done,
    stopPullDownRefresh: done,
    getRecorderManager: recorder,
    createInnerAudioContext: audio,
    navigateTo: nav((o) => router.navigateTo(String(o.url))),
    redirectTo: nav((o) => router.redirectTo(String(o.url))),
    switchTab: nav((o) => router.switchTab(String(o.url))),
    reLaunch: nav((o) => router.reLaunch(String(o.url))),
    navigateBack: nav((o) => router.navigateBack(Number(o.delta ?? 1))),
  }
}
