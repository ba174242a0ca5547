// Quiet hours are read on the wall clock in China (UTC+08:00 all year, no DST since 1991), so a
// fixed offset is exact and the server's own time zone never enters the arithmetic.
const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS
const CHINA_OFFSET_MS = 8 * 60 * MINUTE_MS

/** `HH:MM`, 24-hour, China time. */
export const CLOCK_TIME_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$'

/** A daily window, China time; `start` after `end` runs across midnight. */
export interface QuietWindow {
  start: string
  end: string
}

/** What a staff member gets before touching the setting: no notices through the night. */
export const DEFAULT_QUIET_HOURS: QuietWindow = { start: '22:00', end: '07:00' }

const minuteOfDay = (time: string): number => {
  if (!new RegExp(CLOCK_TIME_PATTERN).test(time)) throw new RangeError(`${time} is not HH:MM`)
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

/** A window that starts when it ends would be either nothing or the whole day: neither is a setting. */
export const isQuietWindow = (window: QuietWindow): boolean => minuteOfDay(window.start) !== minuteOfDay(window.end)

/**
 * When quiet hours that hold at `at` end; null when `at` lies outside them. The window includes
 * its start minute and excludes its end: with 22:00–07:00, 22:00 is quiet and 07:00 is not.
 */
export function quietUntil(at: Date, window: QuietWindow): Date | null {
  const start = minuteOfDay(window.start) * MINUTE_MS
  const end = minuteOfDay(window.end) * MINUTE_MS
  if (start === end) return null
  const local = at.getTime() + CHINA_OFFSET_MS
  const sinceMidnight = ((local % DAY_MS) + DAY_MS) % DAY_MS
  // the UTC instant of this China day's midnight
  const midnight = at.getTime() - sinceMidnight
  if (start < end) return sinceMidnight >= start && sinceMidnight < end ? new Date(midnight + end) : null
  if (sinceMidnight >= start) return new Date(midnight + DAY_MS + end)
  return sinceMidnight < end ? new Date(midnight + end) : null
}
