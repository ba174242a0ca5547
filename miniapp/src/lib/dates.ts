import { deadlineState, workingDaysBetween, type DeadlineState } from '@xinfang/shared/deadlines'

// Dates are shown in China time whatever the phone's own zone, as the deadlines are counted.
const CHINA_OFFSET_MS = 8 * 3_600_000
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

const china = (iso: string) => new Date(Date.parse(iso) + CHINA_OFFSET_MS)
const pad = (n: number) => String(n).padStart(2, '0')

/** 12月19日（周五） */
export function formatDate(iso: string): string {
  const d = china(iso)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（周${WEEKDAYS[d.getUTCDay()]}）`
}

/** 2026年12月1日 09:30 */
export function formatDateTime(iso: string): string {
  const d = china(iso)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

export interface DeadlineWords {
  /** 12月19日（周五） */
  date: string
  /** "还有 8 个工作日", "今天到期", "已过期" */
  left: string
  /** both: "12月19日（周五）前，还有 8 个工作日" */
  text: string
  state: DeadlineState
}

/** A deadline in plain words, counted in working days as the regulation counts it. */
export function deadlineWords(iso: string, now = new Date()): DeadlineWords {
  const due = new Date(iso)
  const state = deadlineState(due, now)
  const date = formatDate(iso)
  if (state === 'overdue') return { state, date, left: '已过期', text: `${date}已到期` }
  const days = workingDaysBetween(now, due)
  if (days <= 0) return { state, date, left: '今天到期', text: `今天 ${date} 到期` }
  const left = `还有 ${days} 个工作日`
  return { state, date, left, text: `${date}前，${left}` }
}
