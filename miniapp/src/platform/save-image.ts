import Taro from '@tarojs/taro'

/** What the button says here: a mini-program saves into the phone's album, a browser downloads. */
export const SAVE_IMAGE_LABEL = process.env.TARO_ENV === 'h5' ? '下载图片' : '保存到相册'

const toast = (title: string, icon: 'success' | 'none' = 'none') => void Taro.showToast({ title, icon, duration: 3000 })

/**
 * Why a platform call failed, in its own shape: WeChat's `errMsg` ("saveImageToPhotosAlbum:fail
 * auth deny"), Alipay's `{ error, errorMessage }` (Taro passes Alipay's failures on unchanged).
 */
const reasonOf = (failure: unknown): string => {
  const { errMsg, errorMessage, error } = (failure ?? {}) as { errMsg?: unknown; errorMessage?: unknown; error?: unknown }
  return [errMsg, errorMessage, error].filter((part) => part !== undefined).join(' ')
}

/** The resident (now or earlier) refused the album: WeChat says auth deny/denied, Alipay 权限/授权 (error 15). */
const albumRefused = (failure: unknown) => /auth|deny|denied|权限|授权|\b15\b/i.test(reasonOf(failure))
/** The resident closed the platform's own save sheet: nothing to say. */
const cancelled = (failure: unknown) => /cancel|取消/i.test(reasonOf(failure))

/**
 * Once refused, neither platform asks for the album again by itself: only its settings page can
 * turn the permission back on, and it has to be opened from a tap (the modal's button is one).
 * @see https://developers.weixin.qq.com/miniprogram/dev/api/open-api/setting/wx.openSetting.html
 */
async function offerSettings() {
  const { confirm } = await Taro.showModal({
    title: '需要相册权限',
    content: '保存二维码要用到手机相册，刚才没有允许。请在设置里打开「相册」，回来后再点一次「保存到相册」。',
    confirmText: '去设置',
    cancelText: '不用了',
  })
  if (confirm) await Taro.openSetting()
}

/**
 * Mini-programs: the album takes only a local file, so the picture is downloaded to a temp file
 * first (Taro maps Alipay's apFilePath to tempFilePath), then saved.
 * @see https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.saveImageToPhotosAlbum.html
 */
async function saveToAlbum(url: string) {
  let filePath: string
  try {
    const downloaded = await Taro.downloadFile({ url })
    // WeChat answers any HTTP status as a success and says which in statusCode; Alipay's answer has none
    if (downloaded.statusCode !== undefined && downloaded.statusCode !== 200) throw new Error(`HTTP ${downloaded.statusCode}`)
    filePath = downloaded.tempFilePath
  } catch {
    return toast('图片没有下载下来，请检查网络后再试')
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    toast('已保存到相册', 'success')
  } catch (failure) {
    if (albumRefused(failure)) return offerSettings()
    if (!cancelled(failure)) toast('没有保存成功，请长按图片保存')
  }
}

/**
 * H5: a real download of the picture under a readable name, from a blob (an <a download> on the
 * image's own URL would be ignored by browsers that open images instead). In a WebView that
 * ignores downloads, long-pressing the picture still saves it (the card says so).
 */
async function download(url: string, fileName: string) {
  try {
    const res = await fetch(url)
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    const href = URL.createObjectURL(await res.blob())
    const link = document.createElement('a')
    link.href = href
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    // the download has taken its copy by the time the resident could tap again
    setTimeout(() => URL.revokeObjectURL(href), 60_000)
  } catch {
    toast('图片没有下载下来，请检查网络后再试')
  }
}

/** Keeps a picture the API serves (a co-sign code): into the album on the phone, as a file in a browser. */
export function saveImage(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') return download(url, fileName)
  return saveToAlbum(url)
}
