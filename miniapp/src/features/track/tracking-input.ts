import { isValidTrackingNo } from '@xinfang/shared/tracking-number'

/** The digits of what was typed or pasted (full-width ones too), at most 12. */
export function digitsOf(input: string): string {
  return input.replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/\D/g, '').slice(0, 12)
}

/** Shows the digits as they are typed in groups of four: 1234-5678-9012. */
export function formatAsTyped(input: string): string {
  return digitsOf(input).replace(/(\d{4})(?=\d)/g, '$1-')
}

export type TrackingInputState = 'incomplete' | 'invalid' | 'valid'

/** Twelve digits passing the Damm check; 'invalid' catches a misheard or swapped digit before any lookup. */
export function trackingInputState(formatted: string): TrackingInputState {
  const digits = formatted.replace(/\D/g, '')
  if (digits.length < 12) return 'incomplete'
  return isValidTrackingNo(digits) ? 'valid' : 'invalid'
}
