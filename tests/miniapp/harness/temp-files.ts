import { TINY_JPEG } from '../../support/actors'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff]
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b)

/** What the album takes: the bytes of a PNG or JPEG picture (both platforms refuse anything else). */
export const isPicture = (bytes: Uint8Array) => startsWith(bytes, PNG_SIGNATURE) || startsWith(bytes, JPEG_SIGNATURE)

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
    return this.write(new Uint8Array(TINY_JPEG), 'image/jpeg')
  }

  /** A file the platform wrote for the app (a download), under a fresh temp path. */
  write(bytes: Uint8Array<ArrayBuffer>, mime: string): TempFile {
    this.counter += 1
    const stamp = `${Date.now().toString(16)}${this.counter}`
    const ext = mime === 'image/png' ? 'png' : 'jpg'
    const path = this.platform === 'weapp' ? `wxfile://tmp_${stamp}.${ext}` : `https://resource/apml${stamp}.image`
    const file = { path, bytes, mime }
    this.files.set(path, file)
    return file
  }

  read(path: string): TempFile | undefined {
    return this.files.get(path)
  }
}

/**
 * The phone's photo album. `allowed`: whether the resident lets this mini-program write to it;
 * once refused, only the platform's settings page (openSetting) turns it back on.
 */
export class Album {
  readonly saved: TempFile[] = []
  allowed = true
}
