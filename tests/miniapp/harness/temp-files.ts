import { TINY_JPEG } from '../../support/actors'

export interface TempFile {
  path: string
  bytes: Uint8Array<ArrayBuffer>
  /** the type the platform puts on the multipart part; the API sniffs the bytes anyway */
  mime: string
}

/**
 * The phone's temporary files: what the camera or album hands back, and what uploadFile reads.
 * Paths look like each platform's own (`wxfile://tmp_…` on WeChat, `https://resource/apml….image`
 * on Alipay), so the app never gets a path it could mistake for a local disk path.
 */
export class TempFiles {
  private readonly files = new Map<string, TempFile>()
  private counter = 0

  constructor(private readonly platform: 'weapp' | 'alipay') {}

  /** A photo just taken: the small real JPEG the API accepts (its magic bytes pass the sniffing). */
  newPhoto(): TempFile {
    this.counter += 1
    const stamp = `${Date.now().toString(16)}${this.counter}`
    const path = this.platform === 'weapp' ? `wxfile://tmp_${stamp}.jpg` : `https://resource/apml${stamp}.image`
    const file = { path, bytes: new Uint8Array(TINY_JPEG), mime: 'image/jpeg' }
    this.files.set(path, file)
    return file
  }

  read(path: string): TempFile | undefined {
    return this.files.get(path)
  }
}
