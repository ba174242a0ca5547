import { PNG } from 'pngjs'
import jsQR from 'jsqr'
import { expect } from 'vitest'
import type { MiniApp } from './harness/launch'
import type { MiniPage } from './harness/mini-page'
import type { HttpExchange } from './harness/network'
import type { TempFile } from './harness/temp-files'

/** What the resident types: long enough for the form's minimum, in the words residents use. */
export const COMPLAINT = '小区暖气一直不热，室温只有十二度，老人孩子都冻感冒了，热力公司电话一直占线。'

/** The one exchange with this method and path (query ignored); fails listing what was sent instead. */
export function exchange(app: MiniApp, method: string, path: string): HttpExchange {
  const found = app.http.filter((x) => x.method === method && x.path.split('?')[0] === path)
  expect(found, `${method} ${path} among ${app.http.map((x) => `${x.method} ${x.path}`).join(', ')}`).toHaveLength(1)
  return found[0]!
}

/**
 * Signs in the way the app does it: lazily, the first time a page needs the resident's own
 * data. "我的诉求" on the home page is such a page (the submit form only signs in on submit,
 * too late for a photo: see the known-bug test in weapp-flow.test.ts).
 */
export async function signInThroughMyCases(app: MiniApp) {
  app.page().tap({ className: 'tile', text: '我的诉求' })
  await app.waitFor('my cases to load', () => app.page().route === 'pages/my-cases/index' && /您还没有提交过诉求|查询码/.test(app.page().text()))
}

/**
 * From the home tab to the result page: 我要反映, the complaint typed through the compiled
 * textarea's input handler, category 冬季供暖 and 金水区 / its first street picked through the
 * pickers' change handlers, one photo taken and uploaded, then 提交.
 */
export async function submitHeatingComplaint(app: MiniApp, options: { photo: boolean } = { photo: true }) {
  await app.tapTab('首页')
  app.page().tap('我要反映')
  await app.waitFor('the form', () => app.page().route === 'pages/submit/index' && app.page().find('提交'))
  const form = app.page()
  form.input({ tag: 'textarea' }, COMPLAINT)
  await app.waitFor('the length counter to accept the text', () => form.find('可以了'))
  // index 0 is "not sure"; the categories follow in the catalog's order
  const categories = form.get({ tag: 'picker', text: '点这里选择' }).props.range as string[]
  form.change({ tag: 'picker', text: '点这里选择' }, categories.findIndex((c) => c.startsWith('冬季供暖')))
  const regions = form.get({ tag: 'picker', text: '选择区县' }).props.range as string[]
  form.change({ tag: 'picker', text: '选择区县' }, regions.indexOf('金水区'))
  await app.waitFor('the street picker', () => form.find({ tag: 'picker', text: '选择街道' }))
  form.change({ tag: 'picker', text: '选择街道' }, 0)
  await app.waitFor('the picked place', () => !form.find('选择街道'))
  if (options.photo) {
    form.tap('拍照/相册')
    await app.waitFor('the photo to upload', () => form.find('已上传') ?? (form.find('上传失败') && 'failed'))
    expect(form.text()).toContain('已上传')
  }
  form.tap('提交')
  await app.waitFor('the result page', () => app.page().route === 'pages/submit-result/index' && app.page().find('提交成功'))
  return app.page()
}

/** What POST /cases answered, as the result page should show it. */
export function createdCase(app: MiniApp) {
  const created = exchange(app, 'POST', '/api/v1/cases')
  expect(created.status).toBe(201)
  return created.response as { id: string; trackingNo: string; assignments: { unitName: string }[] }
}

/** The resident's own token, as the app received it from its platform sign-in. */
export function residentToken(app: MiniApp, path: string): string {
  return (exchange(app, 'POST', path).response as { token: string }).token
}

/** What a QR picture in the album reads. */
export function qrTextOf(file: TempFile): string {
  const png = PNG.sync.read(Buffer.from(file.bytes))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? ''
}

/**
 * 保存到相册 on the code's card, with the album refused first: the app explains, opens the
 * platform's settings (where the harness's resident switches the album on), and the next tap
 * saves. Checks the picture went through a download into a local temp file, which is what the
 * album was handed (a network URL would be refused), and returns that file.
 */
export async function saveCodeRefusedThenAllowed(app: MiniApp, page: MiniPage, qrPath: string): Promise<TempFile> {
  const save = () => page.tap(page.findAll(/^保存到相册$/).at(-1) ?? page.get({ className: 'qr-card__save' }))
  app.device.album.allowed = false
  save()
  await app.waitFor('the settings to be offered', () => app.callsTo('openSetting').length > 0)
  await app.settle()
  expect(app.device.album.saved).toEqual([])
  save()
  await app.waitFor('the picture in the album', () => app.device.album.saved[0])
  const [saved] = app.device.album.saved
  const downloads = app.http.filter((x) => x.api === 'downloadFile')
  expect(downloads.map((x) => [x.path, x.status])).toEqual([
    [qrPath, 200],
    [qrPath, 200],
  ])
  const filePaths = app.callsTo('saveImageToPhotosAlbum').map((c) => (c.args[0] as { filePath: string }).filePath)
  expect(filePaths).toHaveLength(2)
  expect(filePaths[1]).toBe(saved!.path)
  expect(saved!.path).toMatch(app.platform === 'weapp' ? /^wxfile:\/\/tmp_/ : /^https:\/\/resource\/apml/)
  expect(saved!.mime).toBe('image/png')
  return saved!
}
