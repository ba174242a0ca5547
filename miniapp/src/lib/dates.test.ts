import { describe, expect, it } from 'vitest'
import { deadlineWords, formatDate, formatDateTime } from './dates'

describe('dates in China time', () => {
  it('formats in UTC+8 whatever the phone zone', () => {
    expect(formatDateTime('2026-11-29T20:05:00.000Z')).toBe('2026年11月30日 04:05')
    expect(formatDate('2026-12-21T15:59:59.999Z')).toBe('12月21日（周一）')
  })

  it('says how many working days are left, or that the day has passed', () => {
    const now = new Date('2026-12-01T02:00:00.000Z') // Tuesday morning in China
    expect(deadlineWords('2026-12-04T15:59:59.999Z', now)).toMatchObject({ state: 'due_soon', left: '还有 3 个工作日', date: '12月4日（周五）' })
    expect(deadlineWords('2026-12-21T15:59:59.999Z', now)).toMatchObject({ state: 'ok', left: '还有 14 个工作日' })
    expect(deadlineWords('2026-12-01T15:59:59.999Z', now)).toMatchObject({ left: '今天到期' })
    expect(deadlineWords('2026-11-30T15:59:59.999Z', now)).toMatchObject({ state: 'overdue', left: '已过期' })
  })
})
