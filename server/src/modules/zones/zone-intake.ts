import type { CategoryCode } from '@xinfang/shared/categories'
import type { ZoneCode } from '@xinfang/shared/catalog'
import type { CreateCaseBody } from '@xinfang/shared/contracts/cases'
import { chinaDateString } from '@xinfang/shared/deadlines'
import { FIELD_LABELS } from '@xinfang/shared/errors'
import { checkZoneForm, type ZoneForm } from '@xinfang/shared/zone-form-check'
import { triageOf, zoneCategory, zoneRule, type ZoneAsk, type ZoneRule, type ZoneTriage } from '@xinfang/shared/zone-rules'
import { AppError } from '../../lib/app-error'
import type { ZoneRepository } from './zone-repository'

/** What a submission through a zone's own form adds to the case. */
export interface ZoneIntake {
  zone: ZoneCode
  ask: ZoneAsk
  triage: ZoneTriage
  category: CategoryCode
  form: ZoneForm
  projectId: string | null
  stationCode: string | null
  employer: string | null
  matter: string | null
  /** where the chosen project or station lies, when the resident named no place */
  place: { region: string; street: string | null } | null
  jointSuggested: boolean
}

const invalid = (field: string, message: string): AppError => new AppError('VALIDATION_FAILED', message, [{ field, reason: message }])

/** A value a `project` or `station` field picked, looked up: a code nobody listed is refused by name. */
async function pickedPlace(rule: ZoneRule, form: ZoneForm, zones: ZoneRepository) {
  let place: ZoneIntake['place'] = null
  let projectId: string | null = null
  let stationCode: string | null = null
  for (const field of rule.fields) {
    const value = form[field.key]
    if (typeof value !== 'string') continue
    if (field.kind === 'project') {
      const project = await zones.findProject(value)
      if (!project) throw invalid(`zoneForm.${field.key}`, `「${field.label}」不在住建部门登记的楼盘里，请从列表中选择`)
      projectId = project.id
      place = { region: project.regionCode, street: project.streetCode }
    } else if (field.kind === 'station') {
      const station = await zones.findStation(value)
      if (!station) throw invalid(`zoneForm.${field.key}`, `「${field.label}」不在热力公司的换热站里，请从列表中选择或不选`)
      stationCode = station.code
      place ??= { region: station.regionCode, street: station.streetCode }
    }
  }
  return { place, projectId, stationCode }
}

/**
 * Checks a submission made through a zone's own form (it carries `zoneForm` or `ask`) against the
 * zone's rule, and says what the case takes from it: the clock its ask decides, the category its
 * matter names, the project or station it is about. Null for an ordinary submission, which a
 * category may still put in a zone (with the complex clock: nobody said it was a simple question).
 */
export async function zoneIntakeOf(zones: ZoneRepository, body: CreateCaseBody, now: Date): Promise<ZoneIntake | null> {
  if (body.zoneForm === undefined && body.ask === undefined) return null
  if (!body.zone) throw invalid('zone', `请选择「${FIELD_LABELS.zone}」`)
  const rule = zoneRule(body.zone)
  const { form, issues } = checkZoneForm(rule, body.zoneForm ?? {}, chinaDateString(now))
  const first = issues[0]
  if (first) throw new AppError('VALIDATION_FAILED', first.message, issues.map((i) => ({ field: `zoneForm.${i.field}`, reason: i.message })))

  const picked = await pickedPlace(rule, form, zones)
  const hasPlace = Boolean(body.region || body.street || picked.place)
  if (rule.requires.includes('region') && !hasPlace) throw invalid('region', `请选择「${FIELD_LABELS.region}」`)
  if (rule.requires.includes('address') && !body.address?.trim()) throw invalid('address', `请填写「${FIELD_LABELS.address}」`)

  const ask = body.ask ?? 'problem'
  const employer = typeof form.employer === 'string' ? form.employer : null
  const matter = typeof form.matter === 'string' ? form.matter : null
  const coworkers = typeof form.coworkers === 'number' ? form.coworkers : 0
  return {
    zone: body.zone,
    ask,
    triage: triageOf(ask),
    category: body.category ?? zoneCategory(rule, form),
    form,
    ...picked,
    employer,
    matter,
    jointSuggested: rule.jointFrom !== undefined && coworkers >= rule.jointFrom,
  }
}
