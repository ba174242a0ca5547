/**
 * Limits the form enforces as it is typed and the API enforces on arrival: the contracts, the
 * upload route, the server's config defaults, the error messages and the app's fields all read
 * them from here. Kept apart from the TypeBox contracts so the mini-programs can import them
 * without bundling TypeBox.
 */
export const CONTENT_MIN = 5
export const CONTENT_MAX = 2000
/** the address in the resident's words, beside the district and street picked */
export const ADDRESS_MAX = 200
/** photos and the voice note together */
export const MAX_ATTACHMENTS = 9
/** one photo as uploaded; the deployment may lower it (UPLOAD_MAX_IMAGE_BYTES), never raise it */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024
/** one voice note as uploaded; likewise (UPLOAD_MAX_AUDIO_BYTES) */
export const MAX_AUDIO_BYTES = 20 * 1024 * 1024
/** the recorder stops a voice note here (AAC at 48 kbit/s: about 360 KB, far below MAX_AUDIO_BYTES) */
export const VOICE_MAX_SECONDS = 60
/** the resident's words with a rating */
export const RATING_COMMENT_MAX = 500
/** why the resident asks for a review (复查) */
export const REVIEW_REASON_MIN = 5
export const REVIEW_REASON_MAX = 1000
/** the resident's answer when asked for more information */
export const INFO_TEXT_MIN = 2
export const INFO_TEXT_MAX = 2000

/** a workbench search: a tracking number, a phone number or a few words */
export const SEARCH_QUERY_MAX = 60
/** a staff sign-in */
export const USERNAME_MAX = 64
export const PASSWORD_MAX = 128

/** Characters as the form and the API count them: code points (as JSON Schema does), after trimming as the body is sent. */
export const textLength = (text: string) => Array.from(text.trim()).length

/** "10MB", "64KB": a byte limit in the words of an error message. */
export function sizeWords(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return mb >= 1 ? `${Number(mb.toFixed(1))}MB` : `${Math.floor(bytes / 1024)}KB`
}

/** The resident's message for a file over the limits in force. */
export const fileTooLargeMessage = (limits: { image: number; audio: number }) =>
  `文件太大了，图片请小于${sizeWords(limits.image)}，语音请小于${sizeWords(limits.audio)}`
