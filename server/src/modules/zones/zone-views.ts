import { unitName } from '@xinfang/shared/catalog'
import type { HeatStation, HousingProject, ZoneList } from '@xinfang/shared/contracts/zones'
import { ZONE_ASKS, ZONE_RULES, ZONE_TRIAGES, type ZoneAsk, type ZoneTriage } from '@xinfang/shared/zone-rules'
import type { HeatStationRow, HousingProjectRow } from './zone-repository'

/** The zones' rules as `GET /zones` publishes them: the same table the app and the API check forms by. */
export const zoneList = (): ZoneList => ({
  zones: Object.values(ZONE_RULES).map((rule) => ({
    code: rule.code,
    name: rule.name,
    intro: rule.intro,
    lead: rule.lead,
    leadName: unitName(rule.lead),
    second: rule.second,
    category: rule.category,
    requires: [...rule.requires],
    jointFrom: rule.jointFrom ?? null,
    fields: rule.fields.map((f) => ({ ...f, options: f.options?.map((o) => ({ ...o })) })),
  })),
  asks: (Object.entries(ZONE_ASKS) as [ZoneAsk, (typeof ZONE_ASKS)[ZoneAsk]][]).map(([code, a]) => ({ code, label: a.label, triage: a.triage })),
  clocks: (Object.entries(ZONE_TRIAGES) as [ZoneTriage, (typeof ZONE_TRIAGES)[ZoneTriage]][]).map(([triage, c]) => ({ triage, label: c.label, promise: c.promise })),
})

export const projectView = (p: HousingProjectRow): HousingProject => ({
  id: p.id,
  name: p.name,
  developer: p.developer,
  address: p.address,
  region: p.regionCode as HousingProject['region'],
  street: p.streetCode,
  promisedDelivery: p.promisedDelivery,
})

export const stationView = (s: HeatStationRow): HeatStation => ({
  code: s.code,
  name: s.name,
  address: s.address,
  region: s.regionCode as HeatStation['region'],
  street: s.streetCode,
})
