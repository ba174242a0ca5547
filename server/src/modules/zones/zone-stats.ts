import { CASE_STATUSES, STATUS_LABELS, type CaseStatus } from '@xinfang/shared/case-status'
import type { ZoneCode } from '@xinfang/shared/catalog'
import { categoryOf } from '@xinfang/shared/categories'
import type { ProjectPage, ZoneStats } from '@xinfang/shared/contracts/zones'
import { chinaDateString } from '@xinfang/shared/deadlines'
import { ZONE_TRIAGES, zoneRule, type ZoneTriage } from '@xinfang/shared/zone-rules'
import { AppError } from '../../lib/app-error'
import type { StaffActor } from '../../plugins/auth'
import type { CaseContext } from '../cases/case-context'
import { zoneAnswerDue } from '../cases/case-views'
import type { ZoneRepository } from './zone-repository'
import { projectView } from './zone-views'

const DAY_MS = 86_400_000
const DEFAULT_DAYS = 30
const MAX_DAYS = 366
const TOP_GROUPS = 10
const TOP_MATTERS = 5

type StatsRow = Awaited<ReturnType<ZoneRepository['statsRows']>>[number]

/** Counts of a key, most first, named for reading. */
function ranked(keys: (string | null)[], nameOf: (key: string) => string, top: number) {
  const counts = new Map<string, number>()
  for (const key of keys) if (key) counts.set(key, (counts.get(key) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, top).map(([key, count]) => ({ key, name: nameOf(key), count }))
}

/** Cases counted by status, in the lifecycle's order, with the residents' word for each; statuses with none left out. */
const byStatus = (countOf: (status: CaseStatus) => number) =>
  CASE_STATUSES.flatMap((status) => {
    const count = countOf(status)
    return count > 0 ? [{ status, label: STATUS_LABELS[status], count }] : []
  })

/** Answered by its clock, late (answered after it, or not answered and past it), or not due yet. */
function clockOutcome(row: StatsRow, now: Date): { triage: ZoneTriage; outcome: 'onTime' | 'late' | 'pending' } | null {
  const { triage, due } = zoneAnswerDue(row)
  if (!due) return null
  if (row.repliedAt) return { triage, outcome: row.repliedAt <= due ? 'onTime' : 'late' }
  return { triage, outcome: due < now ? 'late' : 'pending' }
}

/** The China dates [from, to] as instants [from 00:00, the day after to 00:00). */
function period(query: { from?: string; to?: string }, now: Date) {
  const to = query.to ?? chinaDateString(now)
  const from = query.from ?? chinaDateString(new Date(now.getTime() - DEFAULT_DAYS * DAY_MS))
  const fromAt = new Date(`${from}T00:00:00+08:00`)
  const toAt = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS)
  if (fromAt >= toAt) throw new AppError('VALIDATION_FAILED', '「登记日期止」不能早于「登记日期起」', [{ field: 'to', reason: 'before from' }])
  if (toAt.getTime() - fromAt.getTime() > MAX_DAYS * DAY_MS) throw new AppError('VALIDATION_FAILED', '统计时段最长一年，请缩短后再查', [{ field: 'from', reason: 'longer than a year' }])
  return { from, to, fromAt, toAt }
}

/**
 * A zone's figures for the person asking, over the cases they may see: by status, by what the
 * zone counts its cases by (project, employer, heat station, matter), each clock's on-time rate,
 * and the matters raised most. Counts only; nobody's name or words.
 */
export async function zoneStats(ctx: CaseContext, actor: StaffActor, zone: ZoneCode, query: { from?: string; to?: string }): Promise<ZoneStats> {
  const rule = zoneRule(zone)
  const now = ctx.clock.now()
  const { from, to, fromAt, toAt } = period(query, now)
  const rows = await ctx.zones.statsRows(actor, zone, fromAt, toAt)

  const field = rule.fields.find((f) => f.key === rule.countBy.field)
  const optionLabel = (key: string) => field?.options?.find((o) => o.code === key)?.label ?? key
  const byKind = (row: StatsRow): { key: string | null; name: string | null } => {
    switch (field?.kind) {
      case 'project':
        return { key: row.projectId, name: row.projectName }
      case 'station':
        return { key: row.stationCode, name: row.stationName }
      case 'choice':
        return { key: row.matter, name: row.matter && optionLabel(row.matter) }
      default:
        return { key: row.employer, name: row.employer }
    }
  }
  const grouped = rows.map(byKind)
  const names = new Map(grouped.flatMap((g) => (g.key && g.name ? [[g.key, g.name] as const] : [])))

  const outcomes = rows.map((row) => clockOutcome(row, now)).filter((o) => o !== null)
  const clocks = (Object.keys(ZONE_TRIAGES) as ZoneTriage[]).map((triage) => {
    const mine = outcomes.filter((o) => o.triage === triage)
    const onTime = mine.filter((o) => o.outcome === 'onTime').length
    const late = mine.filter((o) => o.outcome === 'late').length
    return { triage, label: ZONE_TRIAGES[triage].promise, onTime, late, pending: mine.length - onTime - late, rate: onTime + late > 0 ? Math.round((onTime / (onTime + late)) * 1000) / 1000 : null }
  })

  // a matter chosen on the form, else the case's category (a case filed on the ordinary form)
  const matterField = rule.fields.find((f) => f.key === 'matter')
  const matterOf = (row: StatsRow) => (row.matter && matterField ? `matter:${row.matter}` : row.category ? `category:${row.category}` : null)
  const matterName = (key: string) => {
    const [kind, code] = key.split(':') as [string, string]
    return kind === 'matter' ? (matterField?.options?.find((o) => o.code === code)?.label ?? code) : (categoryOf(code)?.name ?? code)
  }

  return {
    zone,
    from,
    to,
    total: rows.length,
    byStatus: byStatus((status) => rows.filter((r) => r.status === status).length),
    groups: { by: rule.countBy.field, label: rule.countBy.label, items: ranked(grouped.map((g) => g.key), (key) => names.get(key) ?? key, TOP_GROUPS), unnamed: grouped.filter((g) => !g.key).length },
    clocks,
    topMatters: ranked(rows.map(matterOf), matterName, TOP_MATTERS),
  }
}

/** A housing project's public page: the project, and its zone cases counted by status. */
export async function projectPage(zones: ZoneRepository, projectId: string): Promise<ProjectPage> {
  const project = await zones.findProject(projectId)
  if (!project) throw new AppError('PROJECT_NOT_FOUND')
  const counts = await zones.projectCaseCounts(project.id)
  const statuses = byStatus((status) => Number(counts.find((c) => c.status === status)?.count ?? 0))
  return { project: projectView(project), cases: { total: statuses.reduce((n, s) => n + s.count, 0), byStatus: statuses } }
}
