import { isValidTrackingNo, normalizeTrackingNo } from '@xinfang/shared/tracking-number'

/**
 * The tracking number in one of our own QR codes: the 12 digits alone (as printed on the
 * receipt), or a link to the track page carrying them as `no=`. Null for anything else.
 */
export function trackingNoFromQr(text: string): string | null {
  const trimmed = text.trim()
  const direct = normalizeTrackingNo(trimmed)
  if (direct !== null) return isValidTrackingNo(direct) ? direct : null
  const param = /[?&#]no=([\d\s-]{12,20})(?:&|$)/.exec(trimmed)?.[1]
  const digits = param ? normalizeTrackingNo(param) : null
  return digits !== null && isValidTrackingNo(digits) ? digits : null
}
