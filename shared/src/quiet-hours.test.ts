import { describe, expect, it } from 'vitest'
import { DEFAULT_QUIET_HOURS, isQuietWindow, quietUntil } from './quiet-hours'

const cn = (local: string) => new Date(`${local}+08:00`)

describe('quiet hours', () => {
  it('by default holds notices from 22:00 to 07:00 China time, whatever the server zone', () => {
    expect(DEFAULT_QUIET_HOURS).toEqual({ start: '22:00', end: '07:00' })
    expect(quietUntil(cn('2026-10-20T21:59:59'), DEFAULT_QUIET_HOURS)).toBeNull()
    expect(quietUntil(cn('2026-10-20T22:00:00'), DEFAULT_QUIET_HOURS)).toEqual(cn('2026-10-21T07:00:00'))
    expect(quietUntil(cn('2026-10-20T07:00:00'), DEFAULT_QUIET_HOURS)).toBeNull()
    expect(quietUntil(cn('2026-10-20T12:00:00'), DEFAULT_QUIET_HOURS)).toBeNull()
  })

  it('across midnight ends the next morning before midnight and the same morning after it', () => {
    expect(quietUntil(cn('2026-10-20T23:30:00'), DEFAULT_QUIET_HOURS)).toEqual(cn('2026-10-21T07:00:00'))
    // 00:30 China time is still the previous day in UTC (16:30Z): the end is this China morning
    expect(quietUntil(cn('2026-10-21T00:30:00'), DEFAULT_QUIET_HOURS)).toEqual(cn('2026-10-21T07:00:00'))
    expect(quietUntil(cn('2026-10-21T06:59:00'), DEFAULT_QUIET_HOURS)).toEqual(cn('2026-10-21T07:00:00'))
  })

  it('crosses a month and a year end', () => {
    expect(quietUntil(cn('2026-12-31T23:00:00'), DEFAULT_QUIET_HOURS)).toEqual(cn('2027-01-01T07:00:00'))
  })

  it('handles a window within one day', () => {
    const lunch = { start: '12:00', end: '13:30' }
    expect(quietUntil(cn('2026-10-20T11:59:00'), lunch)).toBeNull()
    expect(quietUntil(cn('2026-10-20T12:45:00'), lunch)).toEqual(cn('2026-10-20T13:30:00'))
    expect(quietUntil(cn('2026-10-20T13:30:00'), lunch)).toBeNull()
    expect(quietUntil(cn('2026-10-20T23:00:00'), lunch)).toBeNull()
  })

  it('treats a window that ends where it starts as no window', () => {
    expect(isQuietWindow({ start: '08:00', end: '08:00' })).toBe(false)
    expect(isQuietWindow(DEFAULT_QUIET_HOURS)).toBe(true)
    expect(quietUntil(cn('2026-10-20T08:00:00'), { start: '08:00', end: '08:00' })).toBeNull()
  })

  it('refuses a time that is not HH:MM', () => {
    expect(() => quietUntil(new Date(), { start: '24:00', end: '07:00' })).toThrow(RangeError)
  })
})
